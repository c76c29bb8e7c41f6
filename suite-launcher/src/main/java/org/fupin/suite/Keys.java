package org.fupin.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The suite's RS256 signing key pair, made once: the private half (PKCS#8 PEM, readable by its
 * owner only) signs tokens, the public half (X.509 PEM) is what the gateway and every service
 * verify tokens with.
 */
final class Keys {

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private final Path directory;

    Keys(Path directory) {
        this.directory = directory;
    }

    Path privateKeyFile() {
        return directory.resolve("jwt-private.pem");
    }

    Path publicKeyFile() {
        return directory.resolve("jwt-public.pem");
    }

    /**
     * Makes the key pair unless it exists. Running services trust the existing public key, so it
     * is never replaced; a missing public half is derived again from the private one.
     *
     * @return whether a new pair was made
     */
    boolean ensure() {
        try {
            if (Files.isRegularFile(privateKeyFile())) {
                if (!Files.isRegularFile(publicKeyFile())) {
                    writePem(publicKeyFile(), PUBLIC_LABEL, derivePublic(privateKey()).getEncoded(), false);
                }
                return false;
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writePem(privateKeyFile(), PRIVATE_LABEL, pair.getPrivate().getEncoded(), true);
            writePem(publicKeyFile(), PUBLIC_LABEL, pair.getPublic().getEncoded(), false);
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make RSA keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signing keys to " + directory, e);
        }
    }

    PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(readPem(privateKeyFile(), PRIVATE_LABEL)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(privateKeyFile() + " is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(readPem(publicKeyFile(), PUBLIC_LABEL)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(publicKeyFile() + " is not an RSA public key in X.509 PEM", e);
        }
    }

    private static PublicKey derivePublic(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("the private key lacks the public exponent");
        }
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    private void writePem(Path file, String label, byte[] der, boolean secret) throws IOException {
        Files.createDirectories(directory);
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        // Written under a temporary name, created with its final permissions, then moved: the key
        // is never readable by others, and a reader never sees half a file.
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own access rules apply.
            Files.createFile(temporary);
        }
        Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] readPem(Path file, String label) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String body = pem.replace("-----BEGIN " + label + "-----", "")
                    .replace("-----END " + label + "-----", "")
                    .replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (./suite up makes it)", e);
        }
    }
}
