package org.petitionpipeline.reporting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.kit.identity.Caller;

/**
 * The audit log, {@code reporting.audit_event}: written by the actions it records (this service's; those of email and
 * dedup arrive on {@code audit.events}, see {@link AuditEventListener}), read by owners and operators.
 * Actors, organizations and targets only: a signer's data never goes in (the table is outside erasure and retention).
 * Started with the service, so that every action's and outcome's counter is on {@code /q/metrics} at 0 before its
 * first entry.
 */
@Startup
@ApplicationScoped
public class AuditLog {

    private static final TypeReference<Map<String, String>> DETAIL = new TypeReference<>() {
    };
    private static final String COLUMNS =
            "id, at, service, actor_account, actor_label, organization, action, target, outcome, detail, client_address";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<AuditAction, Map<AuditOutcome, Counter>> counters = new EnumMap<>(AuditAction.class);

    public AuditLog(DataSource dataSource, TransactionSynchronizationRegistry transactions, ObjectMapper json,
            Clock clock, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        for (AuditAction action : AuditAction.values()) {
            Map<AuditOutcome, Counter> byOutcome = new EnumMap<>(AuditOutcome.class);
            for (AuditOutcome outcome : AuditOutcome.values()) {
                byOutcome.put(outcome, Counter.builder("audit.events").tag("action", action.label())
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .description("audit entries committed, by action and outcome").register(metrics));
            }
            counters.put(action, byOutcome);
        }
    }

    /**
     * Records what {@code actor} did. A {@link AuditOutcome#SUCCESS} joins the caller's transaction, if there is one,
     * so the action and its entry commit together or not at all. A {@link AuditOutcome#DENIED} or
     * {@link AuditOutcome#FAILED} entry is committed at once in a transaction of its own (a second connection while
     * the caller's is open): the request that made it is about to fail, and its rollback must not take the entry
     * with it.
     *
     * @param organization the organization's slug, null for an action outside any
     * @param target what was acted on: a petition's slug, an account's or a token's id; null if nothing more
     * @param detail a few words more (a field changed, a role given); no personal data of signers
     * @param clientAddress the request's peer address, null when not from a request
     */
    public void record(Caller actor, AuditAction action, String organization, String target, AuditOutcome outcome,
            Map<String, String> detail, String clientAddress) {
        Runnable insert = () -> insert(actor, action, organization, target, outcome, detail, clientAddress);
        Counter counter = counters.get(action).get(outcome);
        if (outcome == AuditOutcome.SUCCESS) {
            insert.run();
            countOnCommit(counter);
        } else {
            QuarkusTransaction.requiringNew().run(insert);
            counter.increment();
        }
    }

    /** The query's entries, newest first, one more read than asked to tell whether an older page exists. */
    public AuditPage page(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (query.organization() != null) {
            conditions.add("organization = ?");
            values.add(query.organization());
        }
        if (query.before() != null) {
            conditions.add("id < ?");
            values.add(query.before());
        }
        values.add(query.limit() + 1);
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select " + COLUMNS + " from reporting.audit_event" + where + " order by id desc limit ?")) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            List<AuditEntry> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(entry(rows));
                }
            }
            if (events.size() <= query.limit()) {
                return new AuditPage(events, null);
            }
            List<AuditEntry> page = events.subList(0, query.limit());
            return new AuditPage(List.copyOf(page), page.get(page.size() - 1).id());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    private void insert(Caller actor, AuditAction action, String organization, String target, AuditOutcome outcome,
            Map<String, String> detail, String clientAddress) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into reporting.audit_event
                            (at, actor_account, actor_label, organization, action, target, outcome, detail,
                             client_address)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setObject(2, actor.accountId());
            insert.setString(3, actor.label());
            insert.setString(4, organization);
            insert.setString(5, action.label());
            insert.setString(6, target);
            insert.setString(7, outcome.name());
            insert.setString(8, detail == null || detail.isEmpty() ? null : json.writeValueAsString(detail));
            insert.setString(9, clientAddress);
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record " + action.label() + " by " + actor.label(), e);
        }
    }

    /* Counts what commits: an entry rolled back with its action was never in the log. */
    private void countOnCommit(Counter counter) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            counter.increment();
        } else if (status == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        counter.increment();
                    }
                }
            });
        }
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        String detail = row.getString("detail");
        try {
            return new AuditEntry(row.getLong("id"), row.getTimestamp("at").toInstant(), row.getString("service"),
                    row.getObject("actor_account", UUID.class), row.getString("actor_label"),
                    row.getString("organization"), row.getString("action"), row.getString("target"),
                    AuditOutcome.valueOf(row.getString("outcome")),
                    detail == null ? Map.of() : json.readValue(detail, DETAIL), row.getString("client_address"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry " + row.getLong("id") + " has a detail that is not a map", e);
        }
    }
}
