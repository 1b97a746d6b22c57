package org.petitionpipeline.testsupport.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The pipeline's Grafana dashboard as the tests read it: its panels, their queries and the metrics they use. */
public final class GrafanaDashboard {

    /** Where it is in the repository; Kubernetes ships it as a ConfigMap and Compose mounts it from there. */
    public static final String LOCATION = "deploy/k8s/base/monitoring/petition-pipeline-dashboard.json";

    private final JsonNode json;

    private GrafanaDashboard(JsonNode json) {
        this.json = json;
    }

    public static GrafanaDashboard read(Path file) {
        try {
            return new GrafanaDashboard(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the dashboard " + file, e);
        }
    }

    public JsonNode json() {
        return json;
    }

    /** Every panel, rows and the panels of collapsed rows (which Grafana keeps inside the row) included. */
    public List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** The PromQL of every query of every panel. */
    public List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        return expressions;
    }

    public SortedSet<String> metricNames() {
        SortedSet<String> names = new TreeSet<>();
        expressions().forEach(expression -> names.addAll(PromQlMetricNames.in(expression)));
        return names;
    }
}
