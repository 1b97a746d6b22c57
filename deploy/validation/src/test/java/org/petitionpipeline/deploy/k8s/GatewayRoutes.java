package org.petitionpipeline.deploy.k8s;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which backend an HTTPRoute sends a request to, by Gateway API's precedence: an exact path before a regular
 * expression (whose rank the specification leaves to the implementation; Envoy Gateway puts it between the two)
 * before the longest prefix, and a match naming the method before one that does not.
 */
record GatewayRoutes(HTTPRoute route) {

    Optional<String> backendOf(String method, String path) {
        return route.getSpec().getRules().stream()
                .flatMap(rule -> rule.getMatches().stream().filter(match -> matches(match, method, path))
                        .map(match -> new Candidate(rule, match)))
                .max(Comparator.comparingInt(Candidate::rank))
                .map(candidate -> candidate.rule().getBackendRefs().get(0).getName());
    }

    private static boolean matches(HTTPRouteMatch match, String method, String path) {
        if (match.getMethod() != null && !match.getMethod().equals(method)) {
            return false;
        }
        String value = match.getPath().getValue();
        return switch (match.getPath().getType()) {
            case "Exact" -> path.equals(value);
            case "PathPrefix" -> path.equals(value) || path.startsWith(value.endsWith("/") ? value : value + "/");
            case "RegularExpression" -> Pattern.compile(value).matcher(path).matches();
            default -> throw new AssertionError("a path match of a type nothing checks: " + match.getPath());
        };
    }

    private record Candidate(HTTPRouteRule rule, HTTPRouteMatch match) {

        int rank() {
            int byType = switch (match.getPath().getType()) {
                case "Exact" -> 3_000_000;
                case "RegularExpression" -> 2_000_000;
                default -> 1_000_000 + match.getPath().getValue().length() * 10;
            };
            return byType + (match.getMethod() != null ? 1 : 0);
        }
    }
}
