package org.petitionpipeline.dedup.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.petitionpipeline.dedup.service.SignatureCriteria;

/** The where clause of a review query: only bound parameters, never a value spliced into the SQL. */
record CriteriaSql(String sql, List<Parameter> parameters) {

    static CriteriaSql of(SignatureCriteria criteria, Set<SignatureStatus> statuses) {
        List<String> conditions = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        conditions.add("status = any(?)");
        parameters.add(new Parameter("text", statuses.stream().map(SignatureStatus::column).toArray()));
        if (criteria.petitionSlug() != null) {
            conditions.add("petition_slug = ?");
            parameters.add(new Parameter(null, criteria.petitionSlug()));
        }
        if (!criteria.signatureIds().isEmpty()) {
            conditions.add("submission_id = any(?)");
            parameters.add(new Parameter("uuid", criteria.signatureIds().toArray()));
        }
        if (criteria.ipRange() != null) {
            conditions.add("dedup.inet_or_null(client_ip) <<= ?::inet");
            parameters.add(new Parameter(null, criteria.ipRange().toString()));
        }
        if (criteria.emailDomain() != null) {
            conditions.add("split_part(email, '@', 2) = ?");
            parameters.add(new Parameter(null, criteria.emailDomain()));
        }
        if (criteria.receivedFrom() != null) {
            conditions.add("received_at >= ?");
            parameters.add(new Parameter(null, Timestamp.from(criteria.receivedFrom())));
        }
        if (criteria.receivedUntil() != null) {
            conditions.add("received_at < ?");
            parameters.add(new Parameter(null, Timestamp.from(criteria.receivedUntil())));
        }
        return new CriteriaSql(String.join(" and ", conditions), parameters);
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(Connection connection, PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Parameter parameter : parameters) {
            statement.setObject(index++, parameter.arrayType() == null ? parameter.value()
                    : connection.createArrayOf(parameter.arrayType(), (Object[]) parameter.value()));
        }
        return index;
    }

    /** A value, or the elements of an SQL array of {@code arrayType}. */
    record Parameter(String arrayType, Object value) {
    }
}
