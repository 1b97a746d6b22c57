package org.petitionpipeline.email.erasure;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.kit.erasure.ErasureAnnouncements;

/** This service's outbox of erasure announcements ({@code email.erasure_done}), for service-kit's relay. */
public class ErasureOutbox {

    @Produces
    @Singleton
    ErasureAnnouncements announcements(DataSource dataSource) {
        return new ErasureAnnouncements(dataSource, "email", Service.EMAIL, LockKeys.ERASURE_DONE_RELAY);
    }
}
