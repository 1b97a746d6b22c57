package org.petitionpipeline.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {

    @TempDir
    Path home;
    private Path cacheDir;
    private Path runnableJar;

    @BeforeEach
    void packagedIntake() throws IOException {
        cacheDir = home.resolve(".local-run/startup-cache");
        runnableJar = PipelineService.INTAKE.runnableJar(home);
        Files.createDirectories(runnableJar.getParent().resolve("lib"));
        Files.writeString(runnableJar, "jar");
        Files.writeString(runnableJar.getParent().resolve("lib/library.jar"), "library");
    }

    @Test
    void theFirstStartRecordsTheArchiveAndTheNextStartsFromIt() throws IOException {
        StartupCache cache = new StartupCache(cacheDir, home, jvm(StartupArchive.AOT));
        Path archive = cache.archive(PipelineService.INTAKE);

        assertThat(cache.options(PipelineService.INTAKE, 0)).containsExactly("-XX:AOTCacheOutput=" + archive);
        Files.writeString(archive, "what the JVM wrote when it stopped");
        assertThat(cache.options(PipelineService.INTAKE, 0)).containsExactly("-XX:AOTCache=" + archive);
    }

    @Test
    void anArchiveLeftEmptyByAJvmStoppedWhileWritingItIsRecordedAgain() throws IOException {
        StartupCache cache = new StartupCache(cacheDir, home, jvm(StartupArchive.AOT));
        Path archive = cache.archive(PipelineService.INTAKE);
        Files.createDirectories(cacheDir);
        Files.createFile(archive);

        assertThat(cache.options(PipelineService.INTAKE, 0)).containsExactly("-XX:AOTCacheOutput=" + archive);
        assertThat(archive).doesNotExist();
    }

    @Test
    void onlyTheFirstInstanceRecordsSoTwoJvmsNeverWriteOneFile() {
        StartupCache cache = new StartupCache(cacheDir, home, jvm(StartupArchive.CDS));

        assertThat(cache.options(PipelineService.INTAKE, 0)).singleElement().asString()
                .startsWith("-XX:ArchiveClassesAtExit=");
        assertThat(cache.options(PipelineService.INTAKE, 1)).isEmpty();
    }

    @Test
    void aNewBuildRecordsAnewAndDeletesTheStaleArchive() throws IOException {
        StartupCache cache = new StartupCache(cacheDir, home, jvm(StartupArchive.CDS));
        Path before = cache.archive(PipelineService.INTAKE);
        cache.options(PipelineService.INTAKE, 0);
        Files.writeString(before, "archive of the last build");

        Files.setLastModifiedTime(runnableJar.getParent().resolve("lib/library.jar"),
                FileTime.from(Instant.now().plusSeconds(60)));

        Path after = cache.archive(PipelineService.INTAKE);
        assertThat(after).isNotEqualTo(before);
        assertThat(cache.options(PipelineService.INTAKE, 0)).containsExactly("-XX:ArchiveClassesAtExit=" + after);
        assertThat(before).doesNotExist();
    }

    @Test
    void anotherJdkHasAnArchiveOfItsOwn() {
        Path on25 = new StartupCache(cacheDir, home, jvm(StartupArchive.CDS)).archive(PipelineService.INTAKE);
        Path on17 = new StartupCache(cacheDir, home,
                new ServiceJvm("17-cds", home, "17.0.15", StartupArchive.CDS)).archive(PipelineService.INTAKE);

        assertThat(on17).isNotEqualTo(on25);
    }

    @Test
    void withoutAnArchiveTheCommandIsAsEver() {
        assertThat(new StartupCache(cacheDir, home, jvm(StartupArchive.NONE)).options(PipelineService.INTAKE, 0))
                .isEmpty();
        assertThat(cacheDir).doesNotExist();
    }

    private ServiceJvm jvm(StartupArchive archive) {
        return new ServiceJvm("25", home, "25.0.3", archive);
    }
}
