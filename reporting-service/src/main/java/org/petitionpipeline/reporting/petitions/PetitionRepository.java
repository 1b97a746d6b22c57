package org.petitionpipeline.reporting.petitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.PetitionTranslation;
import org.petitionpipeline.contracts.SignerField;
import org.petitionpipeline.kit.relay.Outbox;

@ApplicationScoped
public class PetitionRepository implements Outbox<PetitionDefinition> {

    private static final TypeReference<List<PetitionTarget>> TARGETS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, PetitionTranslation>> TRANSLATIONS = new TypeReference<>() {
    };
    /** The columns an organizer edits, in the order {@link #bindContent} binds them. */
    private static final String CONTENT_COLUMNS = "title, text, targets, goal, consent_text, consent_text_version, "
            + "required_fields, allowed_origins, household_signatures, verified_signatures_only, ends_at, organizer_emails, "
            + "retention_days, language, share_text, translations";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public PetitionRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Stores a new petition; false when the slug is taken. */
    public boolean insert(PetitionDefinition petition) {
        String sql = "insert into reporting.petition (slug, status, created_at, updated_at, organization, "
                + CONTENT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                + " on conflict (slug) do nothing";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, petition.slug());
            insert.setString(2, petition.status().name());
            insert.setTimestamp(3, Timestamp.from(petition.updatedAt()));
            insert.setTimestamp(4, Timestamp.from(petition.updatedAt()));
            insert.setString(5, petition.organization());
            bindContent(connection, insert, 6, petition);
            return insert.executeUpdate() == 1;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store petition " + petition.slug(), e);
        }
    }

    /**
     * Replaces what the organizer edits and returns the new version; the status is left to {@link #close}, so an
     * edit crossing a close never reopens the petition. Empty when there is no such petition.
     */
    public Optional<PetitionDefinition> update(PetitionDefinition revised) {
        String sql = """
                update reporting.petition
                set (%s) = (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb), updated_at = ?
                where slug = ? returning *""".formatted(CONTENT_COLUMNS);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            int next = bindContent(connection, update, 1, revised);
            update.setTimestamp(next, Timestamp.from(revised.updatedAt()));
            update.setString(next + 1, revised.slug());
            return first(update);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not update petition " + revised.slug(), e);
        }
    }

    /** Closes the petition and returns it; closing a closed petition changes nothing, not even updated_at. */
    public Optional<PetitionDefinition> close(String slug, Instant now) {
        String sql = """
                update reporting.petition
                set status = 'CLOSED', updated_at = case when status = 'CLOSED' then updated_at else ? end,
                    closed_at = coalesce(closed_at, ?)
                where slug = ? returning *""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement close = connection.prepareStatement(sql)) {
            close.setTimestamp(1, Timestamp.from(now));
            close.setTimestamp(2, Timestamp.from(now));
            close.setString(3, slug);
            return first(close);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not close petition " + slug, e);
        }
    }

    public Optional<PetitionDefinition> findBySlug(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select * from reporting.petition where slug = ?")) {
            query.setString(1, slug);
            return first(query);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read petition " + slug, e);
        }
    }

    public List<PetitionDefinition> findAll() {
        return select("select * from reporting.petition order by created_at");
    }

    /** The organization that owns the petition; empty when there is no such petition. */
    public Optional<String> organizationOf(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select organization from reporting.petition where slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the organization of petition " + slug, e);
        }
    }

    /** Every petition's organization, by slug. */
    public Map<String, String> organizations() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select slug, organization from reporting.petition");
                ResultSet rows = query.executeQuery()) {
            Map<String, String> owners = new HashMap<>();
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getString(2));
            }
            return owners;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the organizations of the petitions", e);
        }
    }

    /** The petitions of these organizations, oldest first. */
    public List<PetitionDefinition> findOf(Collection<String> organizations) {
        return select("select * from reporting.petition where organization = any(?) order by created_at",
                (Object) organizations.toArray(String[]::new));
    }

    /** Petitions whose current version the catalog topic has not acknowledged yet, oldest change first. */
    @Override
    public List<PetitionDefinition> unpublished(int limit) {
        return select("select * from reporting.petition where published_at is distinct from updated_at"
                + " order by updated_at limit ?", limit);
    }

    /**
     * Records which version of each petition the topic holds. A petition changed since that version was read keeps
     * its newer updated_at, stays unpublished and goes out again, after the older one: the last record of a key on
     * the compacted topic is always the newest version.
     */
    @Override
    public void markPublished(List<PetitionDefinition> published) {
        String sql = """
                update reporting.petition p set published_at = v.updated_at
                from unnest(?::text[], ?::timestamptz[]) as v(slug, updated_at) where p.slug = v.slug""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setArray(1, connection.createArrayOf("text",
                    published.stream().map(PetitionDefinition::slug).toArray()));
            update.setArray(2, connection.createArrayOf("timestamptz",
                    published.stream().map(petition -> Timestamp.from(petition.updatedAt())).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + published.size() + " petitions published", e);
        }
    }

    /** Binds the organizer's fields from {@code index} on and returns the next free index. */
    private int bindContent(Connection connection, PreparedStatement statement, int index, PetitionDefinition petition)
            throws SQLException, JsonProcessingException {
        statement.setString(index, petition.title());
        statement.setString(index + 1, petition.text());
        statement.setString(index + 2, json.writeValueAsString(petition.targets()));
        statement.setLong(index + 3, petition.goal());
        statement.setString(index + 4, petition.consentText());
        statement.setString(index + 5, petition.consentTextVersion());
        statement.setArray(index + 6, connection.createArrayOf("text",
                petition.requiredFields().stream().map(SignerField::name).toArray()));
        statement.setArray(index + 7, connection.createArrayOf("text", petition.allowedOrigins().toArray()));
        statement.setBoolean(index + 8, petition.householdSignatures());
        statement.setBoolean(index + 9, petition.verifiedSignaturesOnly());
        statement.setTimestamp(index + 10, petition.endsAt() == null ? null : Timestamp.from(petition.endsAt()));
        statement.setArray(index + 11, connection.createArrayOf("text", petition.organizerEmails().toArray()));
        statement.setObject(index + 12, petition.retentionDays(), Types.INTEGER);
        statement.setString(index + 13, petition.language());
        statement.setString(index + 14, petition.shareText());
        statement.setString(index + 15, json.writeValueAsString(petition.translations()));
        return index + 16;
    }

    private List<PetitionDefinition> select(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] texts) {
                    query.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    query.setObject(i + 1, parameters[i]);
                }
            }
            List<PetitionDefinition> petitions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    petitions.add(toDefinition(rows));
                }
            }
            return petitions;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the petitions", e);
        }
    }

    private Optional<PetitionDefinition> first(PreparedStatement statement) throws SQLException, JsonProcessingException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(toDefinition(rows)) : Optional.empty();
        }
    }

    private PetitionDefinition toDefinition(ResultSet row) throws SQLException, JsonProcessingException {
        return new PetitionDefinition(
                EventSchema.VERSION,
                row.getString("slug"),
                row.getString("title"),
                row.getString("text"),
                json.readValue(row.getString("targets"), TARGETS),
                row.getLong("goal"),
                PetitionStatus.valueOf(row.getString("status")),
                row.getString("consent_text"),
                row.getString("consent_text_version"),
                Stream.of(strings(row.getArray("required_fields"))).map(SignerField::valueOf).toList(),
                List.of(strings(row.getArray("allowed_origins"))),
                row.getBoolean("household_signatures"),
                row.getBoolean("verified_signatures_only"),
                row.getTimestamp("ends_at") == null ? null : row.getTimestamp("ends_at").toInstant(),
                List.of(strings(row.getArray("organizer_emails"))),
                row.getTimestamp("updated_at").toInstant(),
                row.getObject("retention_days", Integer.class),
                row.getString("organization"),
                row.getString("language"),
                row.getString("share_text"),
                json.readValue(row.getString("translations"), TRANSLATIONS));
    }

    private static String[] strings(Array column) throws SQLException {
        return (String[]) column.getArray();
    }
}
