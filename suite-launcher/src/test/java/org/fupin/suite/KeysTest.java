package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {

    @TempDir
    Path home;

    @Test
    void thePairIsMadeOnceInPem() throws IOException {
        Keys keys = new Keys(home.resolve("keys"));

        assertThat(keys.ensure()).isTrue();

        assertThat(Files.readString(keys.privateKeyFile())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(keys.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(keys.publicKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void onlyTheOwnerMayReadThePrivateKey() throws IOException {
        Keys keys = new Keys(home.resolve("keys"));
        keys.ensure();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKeyFile()))).isEqualTo("rw-------");
    }

    @Test
    void aSecondCallKeepsTheKeysTheServicesAlreadyTrust() throws IOException {
        Keys keys = new Keys(home.resolve("keys"));
        keys.ensure();
        String privatePem = Files.readString(keys.privateKeyFile());
        String publicPem = Files.readString(keys.publicKeyFile());

        assertThat(new Keys(home.resolve("keys")).ensure()).isFalse();

        assertThat(Files.readString(keys.privateKeyFile())).isEqualTo(privatePem);
        assertThat(Files.readString(keys.publicKeyFile())).isEqualTo(publicPem);
    }

    @Test
    void aLostPublicKeyIsDerivedAgainFromThePrivateOne() throws IOException {
        Keys keys = new Keys(home.resolve("keys"));
        keys.ensure();
        String publicPem = Files.readString(keys.publicKeyFile());
        Files.delete(keys.publicKeyFile());

        assertThat(keys.ensure()).isFalse();

        assertThat(Files.readString(keys.publicKeyFile())).isEqualTo(publicPem);
    }
}
