package org.petitionpipeline.local.tools.bench;

import java.time.Duration;
import java.util.List;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.Http;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.Benchmarks;
import org.petitionpipeline.local.tools.load.SyntheticSigners;
import org.petitionpipeline.local.tools.load.SyntheticSigners.Mix;
import org.petitionpipeline.testsupport.KafkaTestClient;

/** The open petition the intake benchmarks sign, published as reporting would, without reporting running. */
final class BenchPetition {

    static final String SLUG = "bench";
    /** Signers who sign again with an email typed differently, which intake takes like any other. */
    static final double REPEAT_SHARE = 0.15;

    private BenchPetition() {
    }

    /** New signers, each from an address of its own, the same sequence every run. */
    static SyntheticSigners signers() {
        return new SyntheticSigners(new Mix(List.of(SLUG), 1, REPEAT_SHARE, 0, 0), 42);
    }

    /** Publishes it and returns once intake's catalog has it. */
    static void open(LocalPipeline pipeline, KafkaTestClient kafka) {
        kafka.sendRaw(Topics.PETITIONS, SLUG, Benchmarks.openPetition(SLUG));
        Http.awaitOk(pipeline.url(PipelineService.INTAKE).resolve("/api/petitions/" + SLUG),
                Duration.ofSeconds(30), () -> pipeline.isAlive(PipelineService.INTAKE),
                "the '" + SLUG + "' petition in intake's catalog");
    }
}
