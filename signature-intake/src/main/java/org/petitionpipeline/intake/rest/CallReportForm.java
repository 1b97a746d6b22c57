package org.petitionpipeline.intake.rest;

import org.jboss.resteasy.reactive.RestForm;

/** The plain HTML form of the thank-you page that reports a call without JavaScript. */
public class CallReportForm {

    @RestForm("target_name")
    public String targetName;

    @RestForm
    public String outcome;

    @RestForm("submission_id")
    public String submissionId;

    @RestForm
    public String region;

    @RestForm("idempotency_key")
    public String idempotencyKey;

    CallReportRequest toRequest() {
        return new CallReportRequest(targetName, outcome, submissionId, region);
    }
}
