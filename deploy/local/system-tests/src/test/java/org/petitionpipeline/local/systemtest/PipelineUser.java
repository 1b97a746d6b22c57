package org.petitionpipeline.local.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.petitionpipeline.local.launcher.DemoPetition;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.LocalPipelineSettings;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.launcher.Ports;
import org.petitionpipeline.local.launcher.Secrets;
import org.petitionpipeline.local.launcher.ServiceJvm;
import org.petitionpipeline.local.launcher.Topology;

/** What signers do with a running pipeline, over HTTP as they would: the system tests' vocabulary. */
final class PipelineUser {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalPipeline pipeline;

    PipelineUser(LocalPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * The whole pipeline on free ports, with its data and logs under
     * {@code deploy/local/system-tests/target/<runDirectory>}.
     */
    static LocalPipeline startPipeline(String runDirectory) {
        return startPipeline(runDirectory, EnumSet.allOf(PipelineService.class));
    }

    /** Only the given services and the infrastructure they use, for a test of one stage. */
    static LocalPipeline startPipeline(String runDirectory, Set<PipelineService> services) {
        return startPipeline(runDirectory, services, LocalPipelineSettings.SYNTHETIC_SIGNERS);
    }

    /** The whole pipeline, with some services' environment changed for the tests' needs. */
    static LocalPipeline startPipeline(String runDirectory, Map<PipelineService, Map<String, String>> changes) {
        Map<PipelineService, Map<String, String>> merged = new EnumMap<>(LocalPipelineSettings.SYNTHETIC_SIGNERS);
        changes.forEach((service, environment) -> {
            Map<String, String> serviceEnvironment = new HashMap<>(merged.getOrDefault(service, Map.of()));
            serviceEnvironment.putAll(environment);
            merged.put(service, serviceEnvironment);
        });
        return startPipeline(runDirectory, EnumSet.allOf(PipelineService.class), merged);
    }

    /** The whole pipeline in that shape (a cluster: three brokers, instances behind HAProxy), unsupervised. */
    static LocalPipeline startPipeline(String runDirectory, Topology topology) {
        return startPipeline(runDirectory, topology, EnumSet.allOf(PipelineService.class),
                LocalPipelineSettings.SYNTHETIC_SIGNERS);
    }

    private static LocalPipeline startPipeline(String runDirectory, Set<PipelineService> services,
            Map<PipelineService, Map<String, String>> environment) {
        return startPipeline(runDirectory, Topology.SINGLE, services, environment);
    }

    private static LocalPipeline startPipeline(String runDirectory, Topology topology, Set<PipelineService> services,
            Map<PipelineService, Map<String, String>> environment) {
        Path home = Path.of(System.getProperty("pipeline.home", "../../..")).toAbsolutePath().normalize();
        Path target = home.resolve("deploy/local/system-tests/target");
        // the services run as ./run-local.sh runs them (JDK 25 from an AOT cache, where there is a JDK 25): the first
        // pipeline records the cache, which every later one, in its own work directory, starts from
        LocalPipelineSettings settings = new LocalPipelineSettings(home, target.resolve(runDirectory), topology,
                Ports.free(topology), false, Secrets.fromEnvironmentOrRandom(Map.of()), environment)
                .withServiceJvm(ServiceJvm.forLocalRun(System.getenv()))
                .withStartupCacheDir(target.resolve("startup-cache"));
        return LocalPipeline.start(settings, services, System.out::println);
    }

    /**
     * Signs the demo petition with a JSON body, as a signer somewhere on the internet: through the loopback
     * "proxy", from an address of its own.
     */
    HttpResponse<String> sign(String json) throws Exception {
        return send(signing(json).build());
    }

    /** Signs as {@link #sign(String)} does, within the caller's trace: the request carries its {@code traceparent}. */
    HttpResponse<String> sign(String json, String traceparent) throws Exception {
        return send(signing(json).header("traceparent", traceparent).build());
    }

    private HttpRequest.Builder signing(String json) {
        int signer = json.hashCode();
        return HttpRequest.newBuilder(pipeline.url(PipelineService.INTAKE)
                        .resolve("/api/petitions/" + DemoPetition.SLUG + "/signatures"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "10." + (signer >>> 16 & 0xFF) + "." + (signer >>> 8 & 0xFF) + "." + (signer & 0xFF))
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** The demo petition's public total, or -1 while reporting does not answer. */
    long total() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(pipeline.url(PipelineService.REPORTING)
                .resolve("/api/petitions/" + DemoPetition.SLUG + "/total")).GET().build());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).get("total").asLong() : -1;
    }

    /** How many calls signers reported on the demo petition, or -1 while reporting does not answer. */
    long calls() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(pipeline.url(PipelineService.REPORTING)
                .resolve("/api/petitions/" + DemoPetition.SLUG + "/calls")).GET().build());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).get("total").asLong() : -1;
    }

    /** How many addresses the mail catcher has received mail for, besides the pipeline's own unsubscribe mailbox. */
    int mailboxes() throws Exception {
        JsonNode users = JSON.readTree(send(HttpRequest.newBuilder(pipeline.mailApi().resolve("/api/user")).GET()
                .build()).body());
        int mailboxes = 0;
        for (JsonNode user : users) {
            if (!LocalPipeline.UNSUBSCRIBE_MAILBOX.equals(user.get("email").asText())) {
                mailboxes++;
            }
        }
        return mailboxes;
    }

    /** The mailbox of one address, read from the mail catcher's HTTP API. */
    List<MimeMessage> mailOf(String address) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    pipeline.mailApi().resolve("/api/user/" + address + "/messages/INBOX")).GET().build());
            if (response.statusCode() != 200) {
                return List.of();
            }
            List<MimeMessage> messages = new ArrayList<>();
            Session session = Session.getInstance(new Properties());
            for (JsonNode message : JSON.readTree(response.body())) {
                messages.add(new MimeMessage(session, new ByteArrayInputStream(
                        message.get("mimeMessage").asText().getBytes(StandardCharsets.UTF_8))));
            }
            return messages;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the mailbox of " + address, e);
        }
    }

    /** A message's text: every part of a multipart message (plain text and HTML) one after the other. */
    static String textOf(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof Multipart parts) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    text.append(part.getContent());
                }
                return text.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException("an unreadable message", e);
        }
    }

    /** What a Prometheus scrape of one service reads: its {@code /q/metrics} in the text exposition format. */
    String metricsOf(PipelineService service) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(pipeline.url(service).resolve("/q/metrics"))
                .GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + " answered " + response.statusCode() + " on /q/metrics");
        }
        return response.body();
    }

    /** Any other request, e.g. following a link from a message as a browser or a mail client would. */
    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
