package org.petitionpipeline.dedup.repository;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.kit.erasure.ErasureAnnouncements;

/** This service's outbox of erasure announcements ({@code dedup.erasure_done}), for service-kit's relay. */
public class ErasureOutbox {

    /** Any fixed number, unique among the database's advisory locks (dedup's are 4_713_xxx). */
    private static final long RELAY_LOCK = 4_713_002L;

    @Produces
    @Singleton
    ErasureAnnouncements announcements(DataSource dataSource) {
        return new ErasureAnnouncements(dataSource, "dedup", Service.DEDUP, RELAY_LOCK);
    }
}
