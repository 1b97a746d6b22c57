package org.petitionpipeline.local.systemtest;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;

/**
 * Gives a browser test class's {@code @BeforeAll} a {@link PipelineInBrowser}: a browser of its own, closed after
 * the class, on the one pipeline the browser tests share. The first class that asks starts the pipeline; the end
 * of the test run stops it (JUnit closes what the root store holds). Sharing saves a start of the whole pipeline
 * (40-80 s on 2 busy cores). The classes sharing it run in the order their {@code @Order} gives, after every test
 * with a pipeline of its own, so that this one idles beside no other test.
 */
final class SharedBrowserPipeline implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SharedBrowserPipeline.class);

    /**
     * What the browser tests change: a browser driven by a test fills the form in well under the 2 s a person
     * needs; low milestones, so that the console's petition page has some to show.
     */
    private static final Map<PipelineService, Map<String, String>> ENVIRONMENT = Map.of(
            PipelineService.INTAKE, Map.of("INTAKE_DEFENCE_MIN_FILL_TIME", "PT0.1S"),
            PipelineService.REPORTING, Map.of("REPORTING_MILESTONES", "10,25"));

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PipelineInBrowser.class;
    }

    @Override
    public PipelineInBrowser resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalPipeline shared = context.getRoot().getStore(NAMESPACE).computeIfAbsent(LocalPipeline.class,
                key -> PipelineUser.startPipeline("browser-run", ENVIRONMENT), LocalPipeline.class);
        return context.getStore(NAMESPACE).computeIfAbsent(PipelineInBrowser.class,
                key -> PipelineInBrowser.open(shared), PipelineInBrowser.class);
    }
}
