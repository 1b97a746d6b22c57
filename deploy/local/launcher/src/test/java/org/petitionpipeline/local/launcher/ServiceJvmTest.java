package org.petitionpipeline.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theAotCacheNeedsJdk25() {
        assertThatThrownBy(() -> ServiceJvm.named("17-aot")).hasMessageContaining("17-cds");
    }

    @Test
    void anUnknownOptionSaysWhichThereAre() {
        assertThatThrownBy(() -> ServiceJvm.named("graal")).hasMessageContaining("17, 17-cds, 25 or 25-aot");
    }
}
