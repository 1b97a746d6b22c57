package org.petitionpipeline.email.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.kit.audit.AuditOutbox;

/** This service's outbox of audit entries ({@code email.audit_outbox}), for service-kit's AuditEvents and relay. */
public class AuditOutboxTable {

    @Produces
    @Singleton
    AuditOutbox auditOutbox(DataSource dataSource, ObjectMapper json) {
        return new AuditOutbox(dataSource, json, "email", LockKeys.AUDIT_RELAY);
    }
}
