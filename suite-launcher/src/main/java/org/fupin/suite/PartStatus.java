package org.fupin.suite;

import java.util.OptionalLong;

/**
 * What {@code ./suite status} says about one part.
 *
 * @param part postgres, kafka or a service's short name
 * @param running whether its process runs (for PostgreSQL: whether it answers)
 * @param pid the process id when the suite started it
 * @param port where it listens
 * @param ready whether it answers its readiness check
 * @param note anything else worth knowing, or empty
 */
public record PartStatus(String part, boolean running, OptionalLong pid, int port, boolean ready, String note) {
}
