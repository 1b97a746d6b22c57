package org.petitionpipeline.local.tools.load;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.petitionpipeline.local.launcher.Http;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;

/**
 * The petitions a load run signs, created as an organizer would (reporting's admin API, then the catalog topic to
 * intake and dedup); the first is the hot one.
 */
final class LoadPetitions {

    private static final String DEFINITION = """
            {"slug": "%s", "title": "Load petition %s", "text": "Signed by the load generator.", "goal": 10000000,
             "targets": [{"name": "Nobody", "title": "Test target"}],
             "consent_text": "Email me updates", "consent_text_version": "load-1"}""";

    private LoadPetitions() {
    }

    /** Returns their slugs once intake takes signatures for every one. */
    static List<String> open(LocalPipeline pipeline, int count) {
        List<String> slugs = IntStream.range(0, count).mapToObj(i -> i == 0 ? "load-hot" : "load-" + i).toList();
        URI reporting = pipeline.url(PipelineService.REPORTING);
        for (String slug : slugs) {
            HttpResponse<String> created = Http.postJson(reporting.resolve("/api/admin/petitions"),
                    DEFINITION.formatted(slug, slug), pipeline.settings().secrets().adminToken());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("could not create petition " + slug + ": HTTP "
                        + created.statusCode() + " " + created.body());
            }
        }
        for (String slug : slugs) {
            Http.awaitOk(pipeline.url(PipelineService.INTAKE).resolve("/api/petitions/" + slug), Duration.ofSeconds(30),
                    () -> pipeline.isAlive(PipelineService.INTAKE), "petition '" + slug + "' in intake's catalog");
        }
        return slugs;
    }
}
