package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU a process and everything it started have used, from Linux's /proc: the process's own time, that of its
 * live descendants, and that of the children it has already reaped. PostgreSQL needs all three: a backend per
 * connection, background workers, and short-lived processes (autovacuum workers) that come and go between two
 * readings.
 */
final class ProcessTreeCpu {

    /** USER_HZ, the unit of /proc's CPU fields: 100 on x86 and ARM Linux whatever the kernel's own tick. */
    private static final long TICKS_PER_SECOND = 100;
    private static final int UTIME = 13;
    private static final int STIME = 14;
    private static final int CUTIME = 15;
    private static final int CSTIME = 16;

    private ProcessTreeCpu() {
    }

    /** The tree's CPU so far, or zero where /proc is not there (another OS) or the process has ended. */
    static Duration of(long pid) {
        long ticks = ticks(pid, true);
        ticks += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(descendant -> ticks(descendant.pid(), false)).sum();
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException gone) {
            return 0;
        }
        // the command name, field 2, is in parentheses and may hold spaces: count fields after its closing one
        String[] fields = ("x x " + stat.substring(stat.lastIndexOf(')') + 2)).split(" ");
        long own = Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]);
        return withReapedChildren ? own + Long.parseLong(fields[CUTIME]) + Long.parseLong(fields[CSTIME]) : own;
    }
}
