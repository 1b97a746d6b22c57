package org.petitionpipeline.reporting.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.reporting.repository.TotalsRepository;

/** Counts accepted signatures, a whole poll batch per database round trip; offsets commit after it returns. */
@ApplicationScoped
public class AcceptedSignatureListener {

    private final TotalsRepository totals;

    public AcceptedSignatureListener(TotalsRepository totals) {
        this.totals = totals;
    }

    @Incoming("signatures-accepted")
    @Blocking
    public void count(List<AcceptedSignature> batch) {
        totals.countAccepted(batch);
    }
}
