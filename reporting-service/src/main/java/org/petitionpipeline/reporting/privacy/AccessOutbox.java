package org.petitionpipeline.reporting.privacy;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.kit.people.AccessRequestOutbox;

/** This service's access requests ({@code reporting.access_request}), answered with its signer rows by service-kit. */
public class AccessOutbox {

    /** Any fixed number, unique among the database's advisory locks (reporting's are 4_712_xxx). */
    private static final long RELAY_LOCK = 4_712_020L;

    @Produces
    @Singleton
    AccessRequestOutbox requests(DataSource dataSource, SignerRecords signers) {
        return new AccessRequestOutbox(dataSource, "reporting.access_request", Service.REPORTING.module(), signers,
                RELAY_LOCK);
    }
}
