package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident memory of a process, from Linux's /proc (what the OS would reclaim by ending it). */
final class ProcessMemory {

    private static final String RESIDENT = "VmRSS:";

    private ProcessMemory() {
    }

    /** Bytes, or zero where /proc is not there (another OS) or the process has ended. */
    static long residentBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith(RESIDENT))
                    // "VmRSS:     171234 kB"
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }
}
