package org.petitionpipeline.dedup.service;

import java.util.ArrayList;
import java.util.List;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.RejectedSignature;

/** The events one batch or one ops action announces, published together. */
public record Outcomes(List<AcceptedSignature> accepted, List<RejectedSignature> rejected,
        List<InvalidatedSignature> invalidated) {

    public Outcomes() {
        this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
}
