package org.petitionpipeline.email.privacy.access;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.email.config.EmailConfig;

/**
 * Deletes collected exports {@code email.access-export-kept} after their request: an export is a copy of everything
 * held about a person, kept only for them (or ops) to fetch. The delete is idempotent, so every instance may run it;
 * no lock is needed.
 */
@ApplicationScoped
public class ExportCleanup {

    private final AccessRequests requests;
    private final EmailConfig config;

    public ExportCleanup(AccessRequests requests, EmailConfig config) {
        this.requests = requests;
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteOldExports() {
        int deleted = requests.deleteExportsOlderThan(config.accessExportKept());
        if (deleted > 0) {
            Log.infof("%d parts of exports older than %s deleted", deleted, config.accessExportKept());
        }
    }
}
