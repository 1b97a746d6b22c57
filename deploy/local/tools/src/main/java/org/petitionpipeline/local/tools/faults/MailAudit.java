package org.petitionpipeline.local.tools.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.petitionpipeline.local.launcher.Http;
import org.petitionpipeline.local.tools.Polling;

/**
 * Whether any signer got a thank-you twice for one petition, counted where it matters, in the mailboxes of the
 * mail catcher; and, in email's outbox, whether a second receipt was ever queued. A receipt's Message-ID names its
 * signature ({@code <signature_receipt.<id>@…>}), so a receipt delivered twice (a kill between the SMTP server
 * taking it and the outbox marking it sent) tells itself apart from two receipts for one person.
 *
 * @param mailedTwice      receipts beyond the first one a signer received for a petition
 * @param sameMessageTwice of those, the same receipt (same Message-ID) delivered again
 * @param queuedTwice      outbox rows beyond one receipt per signer and petition
 * @param setAside         receipts email set aside (outbox status {@code UNCERTAIN}): their sender was killed while
 *                         handing them to the SMTP server, so they may have gone out, and are never sent again
 * @param setAsideReceived of those, receipts that did reach a mailbox
 * @param notReceived      accepted signatures whose receipt is in no mailbox and was not set aside
 */
public record MailAudit(long mailboxes, long receipts, long mailedTwice, long sameMessageTwice, long queuedTwice,
        long setAside, long setAsideReceived, long notReceived) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECEIPT_ID = Pattern.compile("<signature_receipt\\.([0-9a-f-]{36})@");
    private static final int READERS = 8;
    private static final String UNFINISHED = """
            select count(*) filter (where o.status in ('PENDING', 'SENDING')),
                   (select count(*) from dedup.signature where status = 'accepted') - count(*)
            from email.outbox o where o.kind = 'SIGNATURE_RECEIPT'""";
    private static final String QUEUED_TWICE = """
            select count(*) - count(distinct (o.email_hash, s.petition_slug))
            from email.outbox o join dedup.signature s on s.submission_id = o.reference::uuid
            where o.kind = 'SIGNATURE_RECEIPT'""";
    private static final String SET_ASIDE = """
            select reference from email.outbox where kind = 'SIGNATURE_RECEIPT' and status = 'UNCERTAIN'""";

    /**
     * Waits until email queued a receipt for every accepted signature and finished each (sent, skipped or given
     * up); false if that did not happen in time. A receipt claimed by a sender that was killed waits for its claim
     * to go stale (30 s) before another takes it.
     */
    static boolean awaitDrained(Connection database, Duration timeout) throws Exception {
        return Polling.until(() -> {
            try (Statement statement = database.createStatement(); ResultSet row = statement.executeQuery(UNFINISHED)) {
                row.next();
                return row.getLong(1) == 0 && row.getLong(2) <= 0;
            }
        }, timeout);
    }

    static MailAudit check(Connection database, URI mailApi) throws Exception {
        Map<UUID, String> petitionOf = acceptedSignatures(database);
        List<String> mailboxes = new ArrayList<>();
        JSON.readTree(Http.get(mailApi.resolve("/api/user")).body()).forEach(user -> mailboxes.add(user.get("email").asText()));
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        List<Future<List<String>>> messageIds = new ArrayList<>();
        try {
            for (String mailbox : mailboxes) {
                messageIds.add(readers.submit(() -> messageIds(mailApi, mailbox)));
            }
            long receipts = 0;
            long mailedTwice = 0;
            long sameMessageTwice = 0;
            Set<UUID> received = new HashSet<>();
            for (Future<List<String>> mailbox : messageIds) {
                Map<String, List<String>> byPetition = new HashMap<>();
                for (String messageId : mailbox.get()) {
                    Matcher receipt = RECEIPT_ID.matcher(messageId);
                    if (receipt.find()) {
                        UUID signature = UUID.fromString(receipt.group(1));
                        received.add(signature);
                        byPetition.computeIfAbsent(petitionOf.getOrDefault(signature, "?"), p -> new ArrayList<>())
                                .add(messageId);
                        receipts++;
                    }
                }
                for (List<String> ids : byPetition.values()) {
                    mailedTwice += ids.size() - 1;
                    sameMessageTwice += ids.size() - new HashSet<>(ids).size();
                }
            }
            Set<UUID> setAside = setAside(database);
            long notReceived = petitionOf.keySet().stream()
                    .filter(id -> !received.contains(id) && !setAside.contains(id)).count();
            return new MailAudit(mailboxes.size(), receipts, mailedTwice, sameMessageTwice, queuedTwice(database),
                    setAside.size(), setAside.stream().filter(received::contains).count(), notReceived);
        } finally {
            readers.shutdownNow();
        }
    }

    private static List<String> messageIds(URI mailApi, String mailbox) throws IOException {
        HttpResponse<String> inbox = Http.get(mailApi.resolve("/api/user/" + mailbox + "/messages/INBOX"));
        List<String> ids = new ArrayList<>();
        for (JsonNode message : JSON.readTree(inbox.body())) {
            // the header's own name: GreenMail's OpenAPI document says messageId, its serializer writes Message-ID
            ids.add(message.path("Message-ID").asText(""));
        }
        return ids;
    }

    private static Map<UUID, String> acceptedSignatures(Connection database) throws SQLException {
        Map<UUID, String> petitionOf = new HashMap<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "select submission_id, petition_slug from dedup.signature where status = 'accepted'")) {
            while (rows.next()) {
                petitionOf.put(rows.getObject(1, UUID.class), rows.getString(2));
            }
        }
        return petitionOf;
    }

    private static Set<UUID> setAside(Connection database) throws SQLException {
        Set<UUID> references = new HashSet<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(SET_ASIDE)) {
            while (rows.next()) {
                references.add(UUID.fromString(rows.getString(1)));
            }
        }
        return references;
    }

    private static long queuedTwice(Connection database) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet row = statement.executeQuery(QUEUED_TWICE)) {
            row.next();
            return row.getLong(1);
        }
    }
}
