package org.petitionpipeline.reporting.reports.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.reporting.reports.repository.ReportFigures;
import org.petitionpipeline.reporting.reports.repository.ReportRepository;
import org.petitionpipeline.reporting.reports.repository.ReportScope;
import org.petitionpipeline.reporting.reports.repository.ReportSnapshot;

/** A petition's delivery report in each of its forms, each read in one snapshot of the database. */
@ApplicationScoped
public class DeliveryReports {

    private final ReportRepository reports;
    private final CsvReport csv;
    private final PdfReport pdf;

    public DeliveryReports(ReportRepository reports, CsvReport csv, PdfReport pdf) {
        this.reports = reports;
        this.csv = csv;
        this.pdf = pdf;
    }

    public ReportManifest writeCsv(ReportScope scope, OutputStream out) throws IOException {
        try (ReportSnapshot snapshot = reports.open(scope)) {
            return csv.write(snapshot, out);
        }
    }

    /** The cover's figures, e.g. how many of the signatures were verified by the report's as_of. */
    public ReportFigures figures(ReportScope scope) {
        try (ReportSnapshot snapshot = reports.open(scope)) {
            return snapshot.figures();
        }
    }

    /** Reads the whole signer list to digest it, without keeping it. */
    public ReportManifest manifest(ReportScope scope) {
        try {
            return writeCsv(scope, OutputStream.nullOutputStream());
        } catch (IOException cannotHappenWritingNowhere) {
            throw new UncheckedIOException(cannotHappenWritingNowhere);
        }
    }

    public void writePdf(PetitionDefinition petition, ReportScope scope, OutputStream out) throws IOException {
        try (ReportSnapshot snapshot = reports.open(scope)) {
            pdf.write(petition, snapshot, out);
        }
    }
}
