package org.petitionpipeline.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessTreeCpuTest {

    @Test
    void theCpuOfChildrenThatAlreadyEndedStillCounts() throws Exception {
        // the shell spends next to nothing itself: a busy subshell does the work and ends before the reading, as
        // PostgreSQL's autovacuum workers and ended backends do
        Process shell = new ProcessBuilder("sh", "-c",
                "( i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done ); echo done; sleep 30").start();
        try {
            assertThat(new String(shell.getInputStream().readNBytes(4))).isEqualTo("done");

            Duration tree = ProcessTreeCpu.of(shell.pid());
            Duration shellAlone = shell.info().totalCpuDuration().orElseThrow();

            assertThat(tree).isGreaterThan(shellAlone.plusMillis(50));
        } finally {
            shell.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatIsGoneCostsNothing() {
        assertThat(ProcessTreeCpu.of(Long.MAX_VALUE)).isZero();
    }
}
