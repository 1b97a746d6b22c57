package org.petitionpipeline.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceJvmTest {

    @Test
    void theLaunchersOwnJdkIsFoundByItsFeatureRelease() {
        String own = Integer.toString(Runtime.version().feature());

        ServiceJvm jvm = ServiceJvm.named(own + "-cds");

        assertThat(jvm.javaHome().toString()).isEqualTo(System.getProperty("java.home"));
        assertThat(jvm.release()).startsWith(own);
        assertThat(jvm.archive()).isEqualTo(StartupArchive.CDS);
    }

    @Test
    void theLocalRunTakesTheJvmItIsToldOf() {
        String own = Integer.toString(Runtime.version().feature());

        ServiceJvm jvm = ServiceJvm.forLocalRun(Map.of("PIPELINE_SERVICE_JVM", own));

        assertThat(jvm.archive()).isEqualTo(StartupArchive.NONE);
        assertThat(jvm.javaHome().toString()).isEqualTo(System.getProperty("java.home"));
    }

    @Test
    void otherwiseTheLocalRunTakesJdk25WithItsAotCacheWhereThereIsOne() {
        ServiceJvm jvm = ServiceJvm.forLocalRun(Map.of());

        int feature = Integer.parseInt(jvm.release().split("\\.")[0]);
        assertThat(jvm.archive()).isEqualTo(feature >= 25 ? StartupArchive.AOT : StartupArchive.NONE);
    }

    @Test
    void theAotCacheNeedsJdk25() {
        assertThatThrownBy(() -> ServiceJvm.named("17-aot")).hasMessageContaining("17-cds");
    }

    @Test
    void anUnknownOptionSaysWhichThereAre() {
        assertThatThrownBy(() -> ServiceJvm.named("graal")).hasMessageContaining("17, 17-cds, 25 or 25-aot");
    }
}
