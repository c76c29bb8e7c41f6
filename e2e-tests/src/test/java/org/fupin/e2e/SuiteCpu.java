package org.fupin.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.fupin.suite.PartStatus;
import org.fupin.suite.Suite;

/**
 * CPU time used by each part of the running suite (the four services, the Kafka broker and every
 * PostgreSQL process), read from /proc; the load generator is not part of it. A reading is taken
 * before and after a load, and the difference divided by the work done gives CPU per unit of work.
 */
final class SuiteCpu {

    /** Linux reports times in clock ticks of 1/100 s (USER_HZ, fixed at 100 on x86-64 and arm64). */
    private static final double TICKS_PER_SECOND = 100;

    private SuiteCpu() {
    }

    /**
     * The suite's own processes by part (kafka and the services by their short names), read once: asking the
     * suite checks every part's readiness over the network, which a reading during a load should not do.
     */
    static Map<String, Long> processes(Suite suite) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (PartStatus part : suite.status()) {
            part.pid().ifPresent(pid -> pids.put(part.part(), pid));
        }
        return pids;
    }

    /** CPU seconds used so far, by part: the processes given, and postgres. */
    static Map<String, Double> read(Map<String, Long> processes) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((part, pid) -> seconds.put(part, cpuSeconds(Path.of("/proc", Long.toString(pid)))));
        seconds.put("postgres", postgres());
        return seconds;
    }

    /**
     * CPU seconds the JIT compiler threads of the given Java processes used so far, by part. A service compiles
     * its hot paths during its first tens of thousands of requests; at this machine's rates that is minutes, so
     * a run of seconds carries part of that one-time cost, shown apart.
     */
    static Map<String, Double> compilers(Map<String, Long> processes) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((part, pid) -> {
            double compiling = 0;
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path thread : (Iterable<Path>) threads::iterator) {
                    if (command(thread).contains("CompilerThre")) {
                        compiling += cpuSeconds(thread);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list the threads of " + part, e);
            }
            seconds.put(part, compiling);
        });
        return seconds;
    }

    private static double postgres() {
        // Backends come and go; the postmaster's children's times (reaped backends) are counted in its own cutime/cstime.
        double postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))::iterator) {
                if ("postgres".equals(command(process))) {
                    postgres += cpuSeconds(process);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc", e);
        }
        return postgres;
    }

    /** What each part used between two readings, in CPU seconds. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, seconds) -> used.put(part, seconds - before.getOrDefault(part, 0.0)));
        return used;
    }

    private static String command(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the process ended meanwhile
        }
    }

    /** utime + stime + cutime + cstime of /proc/PID/stat: fields 14 to 17, counted after the command name in parentheses. */
    private static double cpuSeconds(Path process) {
        String stat;
        try {
            stat = Files.readString(process.resolve("stat"));
        } catch (IOException e) {
            return 0; // the process ended meanwhile
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        long ticks = 0;
        for (int field = 14; field <= 17; field++) {
            ticks += Long.parseLong(fields[field - 3]);
        }
        return ticks / TICKS_PER_SECOND;
    }
}
