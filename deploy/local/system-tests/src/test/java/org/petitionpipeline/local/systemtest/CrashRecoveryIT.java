package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.Http;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.PostgresServer;
import org.petitionpipeline.testsupport.webhooks.WebhookReceiver;

/**
 * Signatures keep arriving while dedup, reporting and email are each killed with SIGKILL (no shutdown hook,
 * nothing flushed) and restarted. Afterwards every acknowledged submission has exactly one outcome, the
 * record of truth holds each person once, the public total counts each person once, and a webhook receiver got a
 * signed {@code signature.accepted} for every accepted signature, a repeat only as at-least-once allows: with the id
 * of the first.
 */
class CrashRecoveryIT {

    private static final int PEOPLE = 800;
    /** The organization petitions made with the deployment's token belong to, the demo petition among them. */
    private static final String DEMO_ORGANIZATION = "default";
    private static final String RECEIPTS = "select count(*) from email.outbox where kind = 'SIGNATURE_RECEIPT'";
    private static final int SENDERS = 4;
    // 4 senders every 120 ms: 33 signatures/s, so the ~930 submissions flow for about 28 s
    private static final Duration SENDER_PERIOD = Duration.ofMillis(120);

    private static LocalPipeline pipeline;
    private static PipelineUser user;

    @BeforeAll
    static void startPipeline() {
        pipeline = PipelineUser.startPipeline("crash-run");
        user = new PipelineUser(pipeline);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void killingEachConsumerMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
        // a receiver that takes a moment to answer, so that reporting is killed with webhooks in flight
        WebhookReceiver receiver = new WebhookReceiver(request -> {
            TimeUnit.MILLISECONDS.sleep(20);
            return 204;
        });
        String secret = addWebhookEndpoint(receiver.url());
        List<String> submissions = new ArrayList<>();
        for (int person = 0; person < PEOPLE; person++) {
            submissions.add(signature(person, "person" + person + "@example.org"));
            if (person % 6 == 0) {
                submissions.add(signature(person, " Person" + person + "@EXAMPLE.org"));
            }
        }
        Collections.shuffle(submissions, new Random(7));

        // open loop at a steady rate, so that every kill and restart happens while signatures keep flowing
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        Queue<String> pending = new ConcurrentLinkedQueue<>(submissions);
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(SENDERS);
        long begin = System.nanoTime();
        for (int sender = 0; sender < SENDERS; sender++) {
            senders.scheduleAtFixedRate(() -> {
                String body = pending.poll();
                if (body != null) {
                    sign(body, acknowledged, refused);
                }
            }, 0, SENDER_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }

        List<PipelineService> victims = List.of(PipelineService.DEDUP, PipelineService.REPORTING, PipelineService.EMAIL);
        for (int i = 0; i < victims.size(); i++) {
            PipelineService victim = victims.get(i);
            // at a quarter, half and three quarters of the stream (or at once, if a restart took us past it)
            int threshold = (i + 1) * submissions.size() / (victims.size() + 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= threshold);
            System.out.printf("[%5.1f s] killing %s after %d acknowledged submissions%n", seconds(begin),
                    victim.module(), acknowledged.size());
            pipeline.crash(victim);
            pipeline.restart(victim);
            System.out.printf("[%5.1f s] %s is back%n", seconds(begin), victim.module());
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() + refused.get() == submissions.size());
        senders.shutdown();
        System.out.printf("[%5.1f s] all %d submissions sent%n", seconds(begin), submissions.size());
        assertThat(refused.get()).as("submissions intake did not acknowledge").isZero();
        assertThat(acknowledged).hasSize(submissions.size());

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> user.total() >= PEOPLE);
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        assertThat(user.total()).as("the public total, once everything settled").isEqualTo(PEOPLE);
        System.out.printf("[%5.1f s] total settled at %d%n", seconds(begin), PEOPLE);

        PostgresServer postgres = pipeline.postgres();
        assertThat(count(postgres, "select count(*) from dedup.signature where petition_slug = 'demo'")).isEqualTo(PEOPLE);
        assertThat(count(postgres, "select count(*) from reporting.counted_signature where petition_slug = 'demo'"))
                .isEqualTo(PEOPLE);

        Set<String> accepted;
        try (KafkaTestClient kafka = new KafkaTestClient(pipeline.kafkaClientConfig())) {
            accepted = kafka.readValues(Topics.SIGNATURES_ACCEPTED, Integer.MAX_VALUE, Duration.ofSeconds(5),
                    AcceptedSignature.class).stream().map(signature -> signature.signatureId().toString())
                    .collect(Collectors.toSet());
            Set<String> rejected = kafka.readValues(Topics.SIGNATURES_REJECTED, Integer.MAX_VALUE, Duration.ofSeconds(5),
                    RejectedSignature.class).stream().map(signature -> signature.submissionId().toString())
                    .collect(Collectors.toSet());
            assertThat(accepted).as("accepted signature ids").hasSize(PEOPLE);
            assertThat(accepted).as("accepted and rejected: one outcome each").doesNotContainAnyElementsOf(rejected);
            Set<String> outcomes = new HashSet<>(accepted);
            outcomes.addAll(rejected);
            assertThat(outcomes).as("every acknowledged submission has an outcome, and nothing else has")
                    .isEqualTo(acknowledged);
        }

        System.out.printf("[%5.1f s] outcomes checked%n", seconds(begin));

        // every receipt comes to an end, however long the retries take: sent, or set aside as uncertain when
        // email was killed while handing it to the SMTP server (which may or may not have taken it)
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> count(postgres,
                RECEIPTS + " and status in ('SENT', 'UNCERTAIN')") == PEOPLE);
        long uncertain = count(postgres, RECEIPTS + " and status = 'UNCERTAIN'");
        // a mailbox exists once mail arrived for it
        await().atMost(Duration.ofSeconds(30)).until(() -> user.mailboxes() >= PEOPLE - uncertain);
        System.out.printf("[%5.1f s] every receipt sent (%d uncertain after a kill mid-hand-over)%n", seconds(begin),
                uncertain);
        ExecutorService readers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> sizes = new ArrayList<>();
        for (int person = 0; person < PEOPLE; person++) {
            String address = "person" + person + "@example.org";
            sizes.add(readers.submit(() -> user.mailOf(address).size()));
        }
        int extraReceipts = 0;
        for (Future<Integer> size : sizes) {
            extraReceipts += Math.max(0, size.get() - 1);
        }
        readers.shutdown();
        assertThat(extraReceipts).as("receipts mailed twice").isZero();
        assertThat(user.mailboxes()).as("mailboxes: one per person, none for anyone else")
                .isBetween((int) (PEOPLE - uncertain), PEOPLE);

        // a webhook reporting sent as it was killed is sent again when its lease ends, with the same id
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> webhookIdsBySignature(receiver).size() >= PEOPLE);
        receiver.close();
        List<WebhookReceiver.Received> webhooks = receiver.received();
        assertThat(webhooks).as("every webhook signed with the endpoint's secret")
                .allMatch(webhook -> webhook.signedWith(secret));
        Map<String, Set<String>> idsBySignature = webhookIdsBySignature(receiver);
        assertThat(idsBySignature.keySet()).as("a signature.accepted webhook for each accepted signature, no other")
                .isEqualTo(accepted);
        assertThat(idsBySignature.values()).as("a signature's webhooks, repeats included, carry one id")
                .allMatch(ids -> ids.size() == 1);
        System.out.printf("[%5.1f s] %d webhooks for %d accepted signatures (%d sent again after the kill)%n",
                seconds(begin), webhooks.size(), PEOPLE, webhooks.size() - PEOPLE);
    }

    /** As an organization's owner would: an endpoint of the demo petition's organization, for accepted signatures. */
    private static String addWebhookEndpoint(String url) throws Exception {
        HttpResponse<String> added = Http.postJson(pipeline.url(PipelineService.REPORTING)
                        .resolve("/api/admin/organizations/" + DEMO_ORGANIZATION + "/webhooks"),
                "{\"url\": \"%s\", \"event_types\": [\"signature.accepted\"]}".formatted(url),
                pipeline.settings().secrets().adminToken());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return PipelineUser.JSON.readTree(added.body()).get("secret").asText();
    }

    private static Map<String, Set<String>> webhookIdsBySignature(WebhookReceiver receiver) {
        return receiver.received().stream().collect(Collectors.groupingBy(WebhookReceiver.Received::signatureId,
                Collectors.mapping(WebhookReceiver.Received::id, Collectors.toSet())));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String signature(int person, String address) {
        return """
                {"person": {"given_name": "Person %d", "email_addresses": [{"address": "%s"}]},
                 "consent": {"email_updates": %s}}""".formatted(person, address, person % 2 == 0);
    }

    private static void sign(String body, Set<String> acknowledged, AtomicInteger refused) {
        try {
            HttpResponse<String> response = user.sign(body);
            if (response.statusCode() == 202) {
                acknowledged.add(PipelineUser.JSON.readTree(response.body()).get("submission_id").asText());
            } else {
                refused.incrementAndGet();
            }
        } catch (Exception e) {
            refused.incrementAndGet();
        }
    }

    private static long count(PostgresServer postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
                ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

}
