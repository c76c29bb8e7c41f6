package org.fupin.webhook.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private static final AddressGuard COUNTY = AddressGuard.of(Optional.of(List.of("10.20.0.0/16", " ", "fd00:1234::/32")));

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.9.9.9", "::1", "169.254.169.254", "fe80::1", "0.0.0.0", "::", "224.0.0.1",
            "255.255.255.255", "::ffff:127.0.0.1", "::ffff:169.254.169.254" })
    void loopbackLinkLocalAndUnspecifiedAreNeverTargetsEvenWhenListed(String address) throws Exception {
        AddressGuard listingThem = AddressGuard.of(Optional.of(List.of("127.0.0.0/8", "169.254.0.0/16", "::1/128", "0.0.0.0/0")));
        assertThat(listingThem.refusal(InetAddress.getByName(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.1.2.3", "172.16.5.4", "172.31.255.255", "192.168.1.1", "100.64.0.1", "192.0.2.10", "198.18.0.1",
            "fc00::1", "fd12:3456::1", "2001:db8::1", "::ffff:10.1.2.3", "240.0.0.1" })
    void privateAndReservedRangesAreRefusedUnlessTheCountyListsThem(String address) throws Exception {
        assertThat(COUNTY.refusal(InetAddress.getByName(address))).get().asString().contains("private or reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.20.0.1", "10.20.255.254", "fd00:1234::9", "::ffff:10.20.3.4" })
    void theCountysOwnNetworksAreAllowed(String address) throws Exception {
        InetAddress inet = InetAddress.getByName(address);
        assertThat(COUNTY.refusal(inet)).isEmpty();
        assertThat(COUNTY.inAllowedNetworks(inet)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "172.32.0.1", "2400:3200::1" })
    void internetAddressesAreAllowedButNotTheCountysOwn(String address) throws Exception {
        InetAddress inet = InetAddress.getByName(address);
        assertThat(COUNTY.refusal(inet)).isEmpty();
        assertThat(COUNTY.inAllowedNetworks(inet)).isFalse();
    }
}
