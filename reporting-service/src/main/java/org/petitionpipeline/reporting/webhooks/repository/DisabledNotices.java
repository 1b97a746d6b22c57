package org.petitionpipeline.reporting.webhooks.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.WebhookDisabled;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.kit.relay.Outbox;
import org.petitionpipeline.reporting.reports.config.DeliveryReportConfig;

/**
 * The outbox of disabled endpoints ({@code reporting.webhook_disabled_notice}), for the relay to webhooks.disabled:
 * written in the transaction that disables the endpoint, so a disabling is told if and only if it happened.
 */
@ApplicationScoped
public class DisabledNotices implements Outbox<WebhookDisabled> {

    /* The owners whose accounts are not disabled; none is still a notice (the log shows it was not mailed). */
    private static final String RECORD = """
            insert into reporting.webhook_disabled_notice (notice_id, organization, endpoint_id, url, reason,
                                                           disabled_at, recipients)
            select md5(e.id::text || ':' || e.disabled_at::text)::uuid, e.organization, e.id, e.url, e.disabled_reason,
                   e.disabled_at, array(select a.email from reporting.membership m
                                        join reporting.account a on a.id = m.account_id
                                        where m.organization = e.organization and m.role = 'OWNER'
                                          and a.disabled_at is null
                                        order by a.email)
            from reporting.webhook_endpoint e
            where e.id = ? and e.disabled_at is not null
            on conflict (notice_id) do nothing""";

    private final Statements statements;
    private final String publicUrl;

    public DisabledNotices(DataSource dataSource, DeliveryReportConfig config) {
        this.statements = new Statements(dataSource);
        this.publicUrl = config.publicUrl();
    }

    /** In the caller's transaction, the one that disabled the endpoint. */
    public void record(UUID endpoint) {
        statements.update("record the disabling of webhook endpoint " + endpoint, RECORD, endpoint);
    }

    @Override
    public List<WebhookDisabled> unpublished(int limit) {
        return statements.query("read the unpublished notices of disabled webhooks", row -> {
            Array recipients = row.getArray("recipients");
            String organization = row.getString("organization");
            return new WebhookDisabled(EventSchema.VERSION, row.getObject("notice_id", UUID.class), organization,
                    row.getObject("endpoint_id", UUID.class), row.getString("url"), row.getString("reason"),
                    row.getTimestamp("disabled_at").toInstant(), Arrays.asList((String[]) recipients.getArray()),
                    publicUrl + "/console/organizations/" + organization + "/webhooks");
        }, """
                select * from reporting.webhook_disabled_notice where published_at is null
                order by disabled_at limit ?""", limit);
    }

    @Override
    public void markPublished(List<WebhookDisabled> published) {
        statements.update("mark " + published.size() + " notices of disabled webhooks published",
                "update reporting.webhook_disabled_notice set published_at = now() where notice_id = any(?::uuid[])",
                (Object) published.stream().map(notice -> notice.noticeId().toString()).toArray(String[]::new));
    }
}
