package org.petitionpipeline.local.launcher;

import org.petitionpipeline.testsupport.PostgresServer;

/** What the user sees once the pipeline runs: where everything is and what to try first. */
final class Banner {

    private Banner() {
    }

    static String of(LocalPipeline pipeline) {
        LocalPipelineSettings settings = pipeline.settings();
        Ports ports = settings.ports();
        return """

                ==================================================================================
                 The petition pipeline is running: %s.

                 signature-intake   %s      (sign: POST /api/petitions/demo/signatures)
                 dedup-service      %s
                 email-service      %s      (unsubscribe pages, organizer updates)
                 reporting-service  %s      (totals: GET /api/petitions/demo/total)
                 Kafka              %s
                 mail catcher       %s/api/user/<address>/messages/INBOX   (IMAP localhost:%d, any password)
                 demo page          %s   (a news page on another origin embedding the petition)

                 Sign the demo petition:
                   curl -i -X POST %s/api/petitions/demo/signatures -H 'Content-Type: application/json' \\
                     -d '{"person": {"given_name": "Jane", "family_name": "Doe",
                          "email_addresses": [{"address": "jane@example.org"}],
                          "postal_addresses": [{"postal_code": "20500", "country": "US"}]},
                          "consent": {"email_updates": true}}'
                 See the total:     curl %s/api/petitions/demo/total
                 Read Jane's mail:  curl %s/api/user/jane@example.org/messages/INBOX

                 Consoles (log in with the owner's password, or by pasting a token below):
                   organizer console  %s/console
                   ops console        %s/ops
                 Organizer token (Authorization: Bearer …, for %s/api/admin/petitions): a platform
                 operator, and owner of the organization 'default', which holds the demo petition:
                   %s
                 Organization '%s': its owner %s signs in to the organizer console with
                 the password %s, or calls the API with this personal API token
                 (docs/organizations.md: add people, make petitions that only they see):
                   %s
                 Ops token (the ops console; a platform operator of no organization):
                   %s
                 email's and dedup's admin APIs (updates to signers, %s/api/admin/petitions/demo/updates;
                 held signatures, %s/api/admin/held) take a 5-minute access token, bought with any token above:
                   curl -s -X POST -H "Authorization: Bearer $TOKEN" %s/api/auth/token
                 Mail provider's webhook token (for %s/api/webhooks/bounces):
                   %s
                 Logs: %s
                 Stop: Ctrl-C here, or ./run-local.sh stop from another terminal.
                ==================================================================================
                """.formatted(settings.topology(),
                pipeline.url(PipelineService.INTAKE), pipeline.url(PipelineService.DEDUP),
                pipeline.url(PipelineService.EMAIL), pipeline.url(PipelineService.REPORTING),
                kafka(pipeline), pipeline.mailApi(), ports.imap(), pipeline.demoHostPage(),
                pipeline.url(PipelineService.INTAKE), pipeline.url(PipelineService.REPORTING), pipeline.mailApi(),
                pipeline.url(PipelineService.REPORTING), pipeline.url(PipelineService.REPORTING),
                pipeline.url(PipelineService.REPORTING),
                settings.secrets().adminToken(), DemoOrganization.SLUG, DemoOrganization.OWNER,
                pipeline.demoOwner().map(DemoOrganization.Owner::password).orElse("(set by an earlier run)"),
                pipeline.demoOwner().map(DemoOrganization.Owner::token).orElse("(shown by an earlier run)"),
                settings.secrets().opsToken(), pipeline.url(PipelineService.EMAIL), pipeline.url(PipelineService.DEDUP),
                pipeline.url(PipelineService.REPORTING),
                pipeline.url(PipelineService.EMAIL), settings.secrets().webhookToken(), settings.logDir());
    }

    /** For {@code ./run-local.sh infra}: where the infrastructure is, and how to run a service from source on it. */
    static String infrastructure(LocalPipeline pipeline) {
        LocalPipelineSettings settings = pipeline.settings();
        Ports ports = settings.ports();
        PostgresServer postgres = pipeline.postgres();
        return """

                ==================================================================================
                 Kafka, PostgreSQL and the mail catcher are running; no service is.

                 Kafka              %s   (every topic created)
                 PostgreSQL         %s   (user %s)
                 mail catcher       SMTP localhost:%d, %s/api/user/<address>/messages/INBOX

                 Run a service from source against them, live-reloading, in another terminal
                 (its %%dev profile points at these addresses; Dev UI at /q/dev-ui):
                   ./mvnw quarkus:dev -pl email-service -am      # http://localhost:%d/q/dev-ui

                 Anything else (a packaged service, a tool) finds them with:
                   export KAFKA_BOOTSTRAP_SERVERS=%s
                   export QUARKUS_DATASOURCE_JDBC_URL='%s'
                   export QUARKUS_DATASOURCE_USERNAME=%s QUARKUS_DATASOURCE_PASSWORD='%s'
                   export QUARKUS_MAILER_HOST=localhost QUARKUS_MAILER_PORT=%d

                 Logs: %s
                 Stop: Ctrl-C here, or ./run-local.sh stop from another terminal.
                ==================================================================================
                """.formatted(
                kafka(pipeline), postgres.jdbcUrl(), postgres.username(),
                ports.smtp(), pipeline.mailApi(), ports.email(),
                pipeline.kafkaBootstrapServers(), postgres.jdbcUrl(), postgres.username(), postgres.password(),
                ports.smtp(), settings.logDir());
    }

    /** The brokers' addresses, and in a secure run where a Kafka tool finds settings that get it in. */
    private static String kafka(LocalPipeline pipeline) {
        LocalPipelineSettings settings = pipeline.settings();
        return pipeline.kafkaBootstrapServers() + (settings.topology().secure()
                ? "   (SCRAM-SHA-512 over TLS; a tool's settings: --command-config "
                        + settings.dataDir().resolve("tls").resolve(KafkaSecurity.CLIENT_PROPERTIES) + ")"
                : "");
    }
}
