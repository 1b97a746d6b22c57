package org.petitionpipeline.deploy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.deploy.Repository;
import org.petitionpipeline.testsupport.monitoring.GrafanaDashboard;
import org.petitionpipeline.testsupport.monitoring.PromQlMetricNames;

/**
 * The dashboard's structure, offline; that the services export every metric it reads is PipelineJourneyIT's
 * check, on the running pipeline.
 */
class DashboardTest {

    private static final String DATASOURCE_VARIABLE = "${datasource}";
    private static final int GRID_WIDTH = 24;

    private final GrafanaDashboard dashboard = GrafanaDashboard.read(Repository.file(GrafanaDashboard.LOCATION));

    @Test
    void isThePipelinesDashboard() {
        assertThat(dashboard.json().path("uid").asText()).isEqualTo("petition-pipeline");
        assertThat(dashboard.json().path("title").asText()).isEqualTo("Petition pipeline");
    }

    @Test
    void panelIdsAreUnique() {
        List<Integer> ids = dashboard.panels().stream().map(panel -> panel.path("id").asInt()).toList();
        assertThat(ids).doesNotContain(0).doesNotHaveDuplicates();
    }

    @Test
    void everyPanelHasATitle() {
        assertThat(dashboard.panels()).allSatisfy(panel -> assertThat(panel.path("title").asText()).isNotBlank());
    }

    @Test
    void thePrometheusDatasourceIsAVariableSoAnyDatasourceNameWorks() {
        assertThat(variable("datasource").path("type").asText()).isEqualTo("datasource");
        assertThat(variable("datasource").path("query").asText()).isEqualTo("prometheus");
    }

    @Test
    void everyPanelAndEveryQueryReadsTheDatasourceVariable() {
        List<JsonNode> queried = dashboard.panels().stream().filter(panel -> panel.has("targets")).toList();
        assertThat(queried).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).as(title(panel)).isEqualTo(DATASOURCE_VARIABLE);
            panel.path("targets").forEach(target -> assertThat(target.path("datasource").path("uid").asText())
                    .as(title(panel)).isEqualTo(DATASOURCE_VARIABLE));
        });
        assertThat(variable("service").path("datasource").path("uid").asText()).isEqualTo(DATASOURCE_VARIABLE);
        assertThat(variable("instance").path("datasource").path("uid").asText()).isEqualTo(DATASOURCE_VARIABLE);
    }

    @Test
    void everyQueryHasAnExpressionThatReadsAMetric() {
        assertThat(dashboard.panels()).allSatisfy(panel -> panel.path("targets").forEach(target -> {
            assertThat(target.path("refId").asText()).as(title(panel)).isNotBlank();
            assertThat(PromQlMetricNames.in(target.path("expr").asText())).as(title(panel)).isNotEmpty();
        }));
    }

    @Test
    void everyPanelFitsTheGrid() {
        assertThat(dashboard.panels()).allSatisfy(panel -> {
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("w").asInt()).as(title(panel)).isPositive();
            assertThat(grid.path("h").asInt()).as(title(panel)).isPositive();
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title(panel))
                    .isLessThanOrEqualTo(GRID_WIDTH);
        });
    }

    private JsonNode variable(String name) {
        for (JsonNode variable : dashboard.json().path("templating").path("list")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("the dashboard has no variable '" + name + "'");
    }

    private static String title(JsonNode panel) {
        return "panel '" + panel.path("title").asText() + "'";
    }
}
