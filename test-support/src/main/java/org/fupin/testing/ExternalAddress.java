package org.fupin.testing;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/**
 * This machine's first IPv4 address on an interface other than loopback: where a test listens when the code under
 * test must not reach loopback (a webhook receiver), or checks that a port is not reachable from outside.
 */
public final class ExternalAddress {

    private ExternalAddress() {
    }

    public static Optional<InetAddress> first() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(ExternalAddress::upAndNotLoopback)
                    .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .filter(address -> address instanceof Inet4Address)
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean upAndNotLoopback(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
