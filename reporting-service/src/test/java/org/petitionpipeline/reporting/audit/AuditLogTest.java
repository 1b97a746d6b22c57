package org.petitionpipeline.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;

@QuarkusTest
class AuditLogTest {

    static final Caller OWNER = new Caller(UUID.randomUUID(), "owner@acme.example", false,
            Map.of("acme", OrgRole.OWNER));

    @Inject
    AuditLog log;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Test
    void theLogRefusesUpdateDeleteAndTruncateAndKeepsItsRows() throws SQLException {
        String target = "append-only-" + UUID.randomUUID();
        log.record(OWNER, AuditAction.PETITION_CREATE, "acme", target, AuditOutcome.SUCCESS, Map.of(), null);

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String change : List.of(
                    "update reporting.audit_event set outcome = 'DENIED' where target = '" + target + "'",
                    "delete from reporting.audit_event where target = '" + target + "'",
                    // refused even when it would touch no row
                    "delete from reporting.audit_event where false",
                    "truncate reporting.audit_event")) {
                assertThatThrownBy(() -> sql.execute(change)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("reporting.audit_event is append-only");
            }
        }

        assertThat(entries(target)).containsExactly("petition.create SUCCESS");
    }

    @Test
    void anEntryRolledBackWithItsActionIsGoneButADeniedEntryStays() {
        String target = "rolled-back-" + UUID.randomUUID();
        double successes = count(AuditAction.PETITION_CLOSE, "success");
        double denials = count(AuditAction.PETITION_CLOSE, "denied");

        QuarkusTransaction.begin();
        log.record(OWNER, AuditAction.PETITION_CLOSE, "acme", target, AuditOutcome.SUCCESS, Map.of(), "192.0.2.7");
        log.record(OWNER, AuditAction.PETITION_CLOSE, "acme", target, AuditOutcome.DENIED,
                Map.of("reason", "viewer"), "192.0.2.7");
        QuarkusTransaction.rollback();

        assertThat(entries(target)).containsExactly("petition.close DENIED");
        assertThat(count(AuditAction.PETITION_CLOSE, "success")).isEqualTo(successes);
        assertThat(count(AuditAction.PETITION_CLOSE, "denied")).isEqualTo(denials + 1);
    }

    @Test
    void anEntryCommitsWithItsActionAndReadsBackWhole() {
        String target = "committed-" + UUID.randomUUID();
        double successes = count(AuditAction.MEMBER_ADD, "success");

        QuarkusTransaction.requiringNew().run(() -> {
            log.record(OWNER, AuditAction.MEMBER_ADD, "acme", target, AuditOutcome.SUCCESS,
                    Map.of("role", "editor"), "2001:db8::1");
            // counted once it commits, not before
            assertThat(count(AuditAction.MEMBER_ADD, "success")).isEqualTo(successes);
        });

        assertThat(count(AuditAction.MEMBER_ADD, "success")).isEqualTo(successes + 1);
        AuditEntry entry = log.page(AuditQuery.of("acme", null, "500")).events().stream()
                .filter(event -> event.target().equals(target)).findFirst().orElseThrow();
        assertThat(entry).usingRecursiveComparison().ignoringFields("id", "at").isEqualTo(new AuditEntry(0, null,
                "reporting-service", OWNER.accountId(), "owner@acme.example", "acme", "member.add", target, AuditOutcome.SUCCESS,
                Map.of("role", "editor"), "2001:db8::1"));
    }

    private double count(AuditAction action, String outcome) {
        return metrics.get("audit.events").tag("action", action.label()).tag("outcome", outcome).counter().count();
    }

    private List<String> entries(String target) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select action, outcome from reporting.audit_event where target = ? order by id")) {
            query.setString(1, target);
            List<String> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString("action") + " " + rows.getString("outcome"));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
