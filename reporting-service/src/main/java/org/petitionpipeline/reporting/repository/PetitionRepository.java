package org.petitionpipeline.reporting.repository;

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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.SignerField;

@ApplicationScoped
public class PetitionRepository {

    private static final TypeReference<List<PetitionTarget>> TARGETS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    public PetitionRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Stores a new petition; false when the slug is taken. */
    public boolean insert(PetitionDefinition petition) {
        String sql = """
                insert into reporting.petition (slug, title, text, targets, goal, status, consent_text,
                    consent_text_version, required_fields, allowed_origins, household_signatures, created_at, updated_at)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (slug) do nothing""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, petition.slug());
            insert.setString(2, petition.title());
            insert.setString(3, petition.text());
            insert.setString(4, json.writeValueAsString(petition.targets()));
            insert.setLong(5, petition.goal());
            insert.setString(6, petition.status().name());
            insert.setString(7, petition.consentText());
            insert.setString(8, petition.consentTextVersion());
            insert.setArray(9, connection.createArrayOf("text",
                    petition.requiredFields().stream().map(SignerField::name).toArray()));
            insert.setArray(10, connection.createArrayOf("text", petition.allowedOrigins().toArray()));
            insert.setBoolean(11, petition.householdSignatures());
            insert.setTimestamp(12, Timestamp.from(petition.updatedAt()));
            insert.setTimestamp(13, Timestamp.from(petition.updatedAt()));
            return insert.executeUpdate() == 1;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store petition " + petition.slug(), e);
        }
    }

    public List<PetitionDefinition> findAll() {
        return select("select * from reporting.petition order by created_at");
    }

    /** Petitions whose current version the catalog topic has not acknowledged yet. */
    public List<PetitionDefinition> findUnpublished() {
        return select("select * from reporting.petition where published_at is distinct from updated_at order by updated_at");
    }

    /** Marks this version published; a newer version stored meanwhile stays due. */
    public void markPublished(PetitionDefinition petition) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update reporting.petition set published_at = ? where slug = ? and updated_at = ?")) {
            update.setTimestamp(1, Timestamp.from(petition.updatedAt()));
            update.setString(2, petition.slug());
            update.setTimestamp(3, Timestamp.from(petition.updatedAt()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark petition " + petition.slug() + " published", e);
        }
    }

    private List<PetitionDefinition> select(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            List<PetitionDefinition> petitions = new ArrayList<>();
            while (rows.next()) {
                petitions.add(new PetitionDefinition(
                        EventSchema.VERSION,
                        rows.getString("slug"),
                        rows.getString("title"),
                        rows.getString("text"),
                        json.readValue(rows.getString("targets"), TARGETS),
                        rows.getLong("goal"),
                        PetitionStatus.valueOf(rows.getString("status")),
                        rows.getString("consent_text"),
                        rows.getString("consent_text_version"),
                        Stream.of(strings(rows.getArray("required_fields"))).map(SignerField::valueOf).toList(),
                        List.of(strings(rows.getArray("allowed_origins"))),
                        rows.getBoolean("household_signatures"),
                        rows.getTimestamp("updated_at").toInstant()));
            }
            return petitions;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the petitions", e);
        }
    }

    private static String[] strings(Array column) throws SQLException {
        return (String[]) column.getArray();
    }
}
