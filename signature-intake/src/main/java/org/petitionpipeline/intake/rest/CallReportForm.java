package org.petitionpipeline.intake.rest;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

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

    /** The language the thank-you page was shown in (its form action's query), so the next page is too. */
    @RestQuery("lang")
    public String language;

    @RestForm("idempotency_key")
    public String idempotencyKey;

    CallReportRequest toRequest() {
        return new CallReportRequest(targetName, outcome, submissionId, region);
    }
}
