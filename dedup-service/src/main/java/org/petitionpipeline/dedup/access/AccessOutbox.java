package org.petitionpipeline.dedup.access;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.kit.people.AccessRequestOutbox;

/** This service's access requests ({@code dedup.access_request}), answered with its signatures by service-kit. */
public class AccessOutbox {

    /** Any fixed number, unique among the database's advisory locks (dedup's are 4_713_xxx). */
    private static final long RELAY_LOCK = 4_713_020L;

    @Produces
    @Singleton
    AccessRequestOutbox requests(DataSource dataSource, SignatureRecords signatures) {
        return new AccessRequestOutbox(dataSource, "dedup.access_request", Service.DEDUP.module(), signatures,
                RELAY_LOCK);
    }
}
