package org.fupin.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import com.sun.tools.attach.VirtualMachine;

/**
 * CPU flame graphs of the suite's Java processes (services and broker), taken with async-profiler
 * attached to the running JVMs for the length of a load: where a registration spends its CPU.
 * The profiler's native library comes from its Maven artifact (tools.profiler:async-profiler);
 * it samples by CPU time (perf events where the kernel allows, else a per-thread CPU timer).
 */
final class CpuProfiles implements AutoCloseable {

    private final Map<String, Long> processes;
    private final Path directory;
    private final Path library;

    private CpuProfiles(Map<String, Long> processes, Path directory, Path library) {
        this.processes = processes;
        this.directory = directory;
        this.library = library;
    }

    /** Starts profiling the Java processes given by part; the graphs are written to the directory when closed. */
    static CpuProfiles start(Map<String, Long> processes, Path directory) throws Exception {
        Files.createDirectories(directory);
        Path library = directory.resolve("libasyncProfiler.so");
        try (InputStream in = CpuProfiles.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("async-profiler's library is not on the test class path");
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        CpuProfiles profiles = new CpuProfiles(processes, directory, library);
        for (long pid : processes.values()) {
            profiles.command(pid, "start,event=cpu,interval=5ms");
        }
        return profiles;
    }

    @Override
    public void close() throws Exception {
        for (Map.Entry<String, Long> part : processes.entrySet()) {
            Path graph = directory.resolve(part.getKey() + ".html");
            // The same samples as text, one stack per line, for reading with grep and sort.
            command(part.getValue(), "dump,collapsed,file=" + directory.resolve(part.getKey() + ".collapsed"));
            command(part.getValue(), "stop,file=" + graph);
            System.out.println("CPU flame graph of " + part.getKey() + ": " + graph);
        }
        Files.deleteIfExists(library);
    }

    private void command(long pid, String arguments) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            vm.loadAgentPath(library.toString(), arguments);
        } finally {
            vm.detach();
        }
    }
}
