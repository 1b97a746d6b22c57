package org.petitionpipeline.dedup.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.petitionpipeline.kit.audit.AuditOutbox;

/** This service's outbox of audit entries ({@code dedup.audit_outbox}), for service-kit's AuditEvents and relay. */
public class AuditOutboxTable {

    /** Any fixed number, unique among the database's advisory locks (dedup's are 4_713_xxx). */
    private static final long RELAY_LOCK = 4_713_030L;

    @Produces
    @Singleton
    AuditOutbox auditOutbox(DataSource dataSource, ObjectMapper json) {
        return new AuditOutbox(dataSource, json, "dedup", RELAY_LOCK);
    }
}
