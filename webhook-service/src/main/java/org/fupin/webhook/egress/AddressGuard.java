package org.fupin.webhook.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to (SSRF): the rule of the address itself, without any lookup.
 * Loopback, link-local (cloud metadata lives at 169.254.169.254), unspecified, multicast and broadcast
 * addresses are never a target. Private and reserved ranges (10/8, 172.16/12, 192.168/16, 100.64/10,
 * fc00::/7, the documentation and benchmark ranges…) are refused unless the county lists them as its own
 * networks. Every other address is on the internet and allowed.
 */
public final class AddressGuard {

    /** Ranges that are no internet address; the county may open the ones it owns. */
    private static final List<Cidr> RESERVED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4",
            "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7")
            .stream().map(Cidr::parse).toList();

    private final List<Cidr> allowed;

    public AddressGuard(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    public static AddressGuard of(Optional<List<String>> allowedNetworks) {
        return new AddressGuard(allowedNetworks.orElse(List.of()).stream()
                .filter(text -> !text.isBlank()).map(Cidr::parse).toList());
    }

    /** Why the address may not be a target, or empty when it may. */
    public Optional<String> refusal(InetAddress given) {
        InetAddress address = unmapped(given);
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address (" + address.getHostAddress() + ")");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (" + address.getHostAddress() + ")");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address (" + address.getHostAddress() + ")");
        }
        if (address.isMulticastAddress() || address.getHostAddress().equals("255.255.255.255")) {
            return Optional.of("a multicast or broadcast address (" + address.getHostAddress() + ")");
        }
        boolean reserved = address.isSiteLocalAddress() || RESERVED.stream().anyMatch(range -> range.contains(address));
        if (reserved && allowed.stream().noneMatch(range -> range.contains(address))) {
            return Optional.of("a private or reserved address outside the county's allowed networks ("
                    + address.getHostAddress() + ")");
        }
        return Optional.empty();
    }

    /** Whether the county lists the address as one of its own networks (where plain http is accepted). */
    public boolean inAllowedNetworks(InetAddress address) {
        InetAddress plain = unmapped(address);
        return allowed.stream().anyMatch(range -> range.contains(plain));
    }

    /** An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is. */
    private static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            mapped &= bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }
}
