package org.fupin.suite;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether something listens on a TCP port. */
final class PortProbe {

    private PortProbe() {
    }

    static boolean answers(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean inUse(int port) {
        return answers("127.0.0.1", port, Duration.ofMillis(500));
    }

    /** The failure for a port held by a process the suite did not start, with the command that names it. */
    static SuiteException taken(String part, int port) {
        return new SuiteException(part, "port " + port + " is in use by a process this suite did not start;"
                + " find it with: ss -ltnp 'sport = :" + port + "' (stop it, or choose another port, see suite-launcher/README.md)",
                null);
    }
}
