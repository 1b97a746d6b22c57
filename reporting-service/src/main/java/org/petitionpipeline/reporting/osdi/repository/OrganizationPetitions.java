package org.petitionpipeline.reporting.osdi.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.kit.database.Statements;

/** An organization's petitions with their public totals. */
@ApplicationScoped
public class OrganizationPetitions {

    private static final TypeReference<List<PetitionTarget>> TARGETS = new TypeReference<>() {
    };

    private static final String PETITIONS = """
            select p.slug, p.title, p.text, p.targets, p.created_at, p.updated_at,
                   coalesce(reporting.public_total(p.verified_signatures_only, t.accepted, t.invalidated, t.verified), 0)
                       as total
            from reporting.petition p left join reporting.petition_total t on t.petition_slug = p.slug
            where p.organization = ?
            """;

    private final Statements statements;
    private final ObjectMapper json;

    public OrganizationPetitions(DataSource dataSource, ObjectMapper json) {
        this.statements = new Statements(dataSource);
        this.json = json;
    }

    /** All of them: an organization has tens or hundreds of petitions, which page in memory. */
    public List<FeedPetition> all(String organization) {
        return statements.query("read the petitions of organization " + organization, this::petition,
                PETITIONS, organization);
    }

    /** The petition, when it is this organization's. */
    public Optional<FeedPetition> find(String organization, String slug) {
        return statements.query("read petition " + slug, this::petition, PETITIONS + "and p.slug = ?",
                organization, slug).stream().findFirst();
    }

    private FeedPetition petition(ResultSet row) throws SQLException {
        try {
            return new FeedPetition(row.getString("slug"), row.getString("title"), row.getString("text"),
                    json.readValue(row.getString("targets"), TARGETS), row.getTimestamp("created_at").toInstant(),
                    row.getTimestamp("updated_at").toInstant(), row.getLong("total"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the targets of petition " + row.getString("slug") + " are not JSON", e);
        }
    }
}
