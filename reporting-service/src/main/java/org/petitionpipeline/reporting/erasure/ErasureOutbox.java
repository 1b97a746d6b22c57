package org.petitionpipeline.reporting.erasure;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.kit.erasure.ErasureAnnouncements;

/** This service's outbox of erasure announcements ({@code reporting.erasure_done}), for service-kit's relay. */
public class ErasureOutbox {

    /** Any fixed number, unique among the database's advisory locks (reporting's are 4_712_xxx). */
    private static final long RELAY_LOCK = 4_712_005L;

    @Produces
    @Singleton
    ErasureAnnouncements announcements(DataSource dataSource) {
        return new ErasureAnnouncements(dataSource, "reporting", Service.REPORTING, RELAY_LOCK);
    }
}
