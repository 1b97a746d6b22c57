package org.petitionpipeline.deploy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.deploy.Repository;
import org.petitionpipeline.testsupport.monitoring.GrafanaDashboard;
import org.petitionpipeline.testsupport.monitoring.PromQlMetricNames;

/** The alert rules Prometheus loads next to the dashboard, in its rule-file format. */
class AlertRulesTest {

    private static final String LOCATION = "deploy/k8s/base/monitoring/petition-pipeline-alerts.yaml";
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

    private final List<JsonNode> alerts = alerts();

    @Test
    void everyAlertHasAUniqueNameASeverityAndWhatToDo() {
        assertThat(alerts).isNotEmpty();
        assertThat(alerts.stream().map(alert -> alert.path("alert").asText()).toList())
                .doesNotContain("").doesNotHaveDuplicates();
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.path("labels").path("severity").asText()).as(name(alert)).isIn(SEVERITIES);
            assertThat(alert.path("annotations").path("summary").asText()).as(name(alert)).isNotBlank();
            assertThat(alert.path("annotations").path("description").asText()).as(name(alert)).isNotBlank();
        });
    }

    /**
     * The dashboard's metrics are the ones PipelineJourneyIT finds exported by the running services, so an alert
     * reading any other could be silent forever.
     */
    @Test
    void everyAlertReadsOnlyMetricsTheDashboardReads() {
        Set<String> dashboardMetrics = GrafanaDashboard.read(Repository.file(GrafanaDashboard.LOCATION)).metricNames();
        assertThat(alerts).allSatisfy(alert -> assertThat(PromQlMetricNames.in(alert.path("expr").asText()))
                .as(name(alert)).isNotEmpty().isSubsetOf(dashboardMetrics));
    }

    private static List<JsonNode> alerts() {
        try {
            JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Repository.file(LOCATION).toFile());
            List<JsonNode> alerts = new ArrayList<>();
            rules.path("groups").forEach(group -> group.path("rules").forEach(alerts::add));
            return alerts;
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + LOCATION, e);
        }
    }

    private static String name(JsonNode alert) {
        return "alert " + alert.path("alert").asText();
    }
}
