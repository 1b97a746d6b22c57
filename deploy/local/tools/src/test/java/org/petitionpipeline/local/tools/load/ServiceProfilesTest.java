package org.petitionpipeline.local.tools.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProfilesTest {

    @TempDir
    Path directory;

    @Test
    void profilesARunningJvmByItsPidIntoStacksAndAFlameGraph() throws Exception {
        AtomicBoolean spinning = new AtomicBoolean(true);
        Thread busy = new Thread(() -> {
            while (spinning.get()) {
                Spinner.spin();
            }
        });
        busy.start();
        try {
            List<ServiceProfiles.Profile> profiles = ServiceProfiles.start(
                    Map.of("this-test", ProcessHandle.current().pid()), Duration.ofSeconds(2), directory).await();

            assertThat(profiles).singleElement().satisfies(profile -> {
                assertThat(profile.collapsed()).isEqualTo(directory.resolve("this-test.collapsed"));
                assertThat(Files.readString(profile.collapsed())).contains("Spinner.spin");
                assertThat(Files.readString(profile.flameGraph())).contains("<html").contains("Spinner");
            });
        } finally {
            spinning.set(false);
            busy.join();
        }
    }

    /** A method of its own, so the profile can be asked whether it saw it. */
    static final class Spinner {
        static volatile double sink;

        static void spin() {
            double x = 0;
            for (int i = 0; i < 100_000; i++) {
                x += Math.sqrt(i);
            }
            sink = x;
        }
    }
}
