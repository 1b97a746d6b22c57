package org.petitionpipeline.reporting.reports.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.reporting.petitions.NoSuchPetition;
import org.petitionpipeline.reporting.petitions.PetitionRepository;
import org.petitionpipeline.reporting.reports.repository.ReportScope;
import org.petitionpipeline.reporting.reports.service.DeliveryReports;

/**
 * The answers of the report endpoints, whoever authorized the request (organizer token or signed link). Files stream
 * as they are written; the as_of they were made for comes back in {@value #AS_OF}, to ask for the same bytes again.
 */
@ApplicationScoped
class ReportResponses {

    static final String AS_OF = "Report-As-Of";
    static final String CSV = "text/csv; charset=utf-8; header=present";
    static final String PDF = "application/pdf";
    private static final int BUFFER = 64 * 1024;
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final DeliveryReports reports;
    private final PetitionRepository petitions;

    ReportResponses(DeliveryReports reports, PetitionRepository petitions) {
        this.reports = reports;
        this.petitions = petitions;
    }

    Response csv(ReportScope scope) {
        existing(scope);
        StreamingOutput body = out -> {
            OutputStream buffered = new BufferedOutputStream(out, BUFFER);
            reports.writeCsv(scope, buffered);
            buffered.flush();
        };
        return file(scope, body, CSV, "csv");
    }

    Response pdf(ReportScope scope) {
        PetitionDefinition petition = existing(scope);
        StreamingOutput body = out -> {
            OutputStream buffered = new BufferedOutputStream(out, BUFFER);
            reports.writePdf(petition, scope, buffered);
            buffered.flush();
        };
        return file(scope, body, PDF, "pdf");
    }

    Response manifest(ReportScope scope) {
        existing(scope);
        return Response.ok(reports.manifest(scope), MediaType.APPLICATION_JSON).header(AS_OF, scope.asOf()).build();
    }

    private PetitionDefinition existing(ReportScope scope) {
        return petitions.findBySlug(scope.slug()).orElseThrow(() -> NoSuchPetition.named(scope.slug()));
    }

    private static Response file(ReportScope scope, StreamingOutput body, String type, String extension) {
        String name = scope.slug() + (scope.region() == null ? "" : "-" + scope.region()) + "-"
                + FILE_TIME.format(scope.asOf()) + "." + extension;
        return Response.ok(body, type).header(AS_OF, scope.asOf())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").build();
    }
}
