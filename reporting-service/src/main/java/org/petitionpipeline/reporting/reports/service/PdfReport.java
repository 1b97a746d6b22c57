package org.petitionpipeline.reporting.reports.service;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.petitionpipeline.contracts.CallOutcome;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.reporting.calls.PetitionCalls;
import org.petitionpipeline.reporting.maps.Choropleths;
import org.petitionpipeline.reporting.reports.repository.ReportFigures;
import org.petitionpipeline.reporting.reports.repository.ReportSnapshot;
import org.petitionpipeline.reporting.reports.repository.SignerRow;

/**
 * The delivery report as a PDF for the target: a cover with the petition and its figures (and the digests of the
 * CSV of the same report, so the two can be checked against each other), maps of the US states and countries
 * coloured by signatures with the breakdown tables under them, a chart of signatures over time, and the signer list.
 * The list is handed to the document a few hundred rows at a time and written out page by page, so memory does not
 * grow with the number of signers.
 */
@ApplicationScoped
public class PdfReport {

    /*
     * Liberation Sans ships inside OpenPDF; embedded (as the subset of glyphs used) with Identity-H it prints Latin,
     * Greek and Cyrillic names, which the PDF standard fonts (Windows-1252 only) would lose.
     */
    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final int ROWS_PER_FLUSH = 200;
    /* a heading and the space before it, in points */
    private static final float HEADING_ROOM = 30;
    private static final Color HEADER_SHADE = new Color(225, 232, 242);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final CsvReport csv;
    private final Choropleths choropleths;

    public PdfReport(CsvReport csv, Choropleths choropleths) {
        this.csv = csv;
        this.choropleths = choropleths;
    }

    public void write(PetitionDefinition petition, ReportSnapshot snapshot, OutputStream out) throws IOException {
        ReportFigures figures = snapshot.figures();
        ReportManifest manifest = csv.write(snapshot, OutputStream.nullOutputStream());
        BaseFont font = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        Document document = new Document(PageSize.A4, 40, 40, 40, 50);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        // a map or chart that does not fit the page goes to the next one before the text after it, not after
        writer.setStrictImageSequence(true);
        writer.setPageEvent(new Footer(font, petition.slug() + " · as of " + manifest.asOf()));
        Fonts fonts = new Fonts(font);
        document.open();
        try {
            cover(document, fonts, petition, figures, manifest);
            document.newPage();
            breakdowns(document, writer, fonts, figures);
            document.add(SignaturesChart.draw(writer, font, figures));
            calls(document, fonts, figures);
            document.newPage();
            signers(document, fonts, snapshot);
        } finally {
            document.close();
        }
    }

    private static void cover(Document document, Fonts fonts, PetitionDefinition petition, ReportFigures figures,
            ReportManifest manifest) {
        document.add(new Paragraph("Petition delivery report", fonts.small));
        document.add(new Paragraph(petition.title(), fonts.title));
        document.add(spaced(new Paragraph("To: " + petition.targets().stream().map(PdfReport::target)
                .collect(Collectors.joining("; ")), fonts.heading), 8));
        document.add(spaced(new Paragraph(petition.text(), fonts.body), 8));

        PdfPTable table = new PdfPTable(new float[] {30, 70});
        table.setWidthPercentage(100);
        table.setSpacingBefore(16);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Signatures", String.format("%,d", figures.signatures()));
        facts.put("Verified (address confirmed)", String.format("%,d", figures.verified()));
        facts.put("Signers from", manifest.region() == null ? "everywhere" : manifest.region());
        facts.put("Signed between", figures.firstSigned() == null ? "no signatures yet"
                : MINUTE.format(figures.firstSigned()) + " and " + MINUTE.format(figures.lastSigned()) + " UTC");
        facts.put("Report as of", manifest.asOf().toString());
        facts.put("Signer list (CSV) SHA-256", manifest.csvSha256());
        facts.put("Hash chain, last link", manifest.chainHead());
        facts.forEach((name, value) -> {
            table.addCell(cell(name, fonts.body, HEADER_SHADE));
            table.addCell(cell(value, fonts.body, null));
        });
        document.add(table);
        document.add(spaced(new Paragraph("The CSV of this report (same as_of) and its manifest let you check that "
                + "the signer list you received is complete and unaltered: the SHA-256 of the file and the last link "
                + "of the chain over its lines must be the ones above.", fonts.small), 8));
    }

    private static String target(PetitionTarget target) {
        return Stream.of(target.name(), target.title(), target.region())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
    }

    private void breakdowns(Document document, PdfWriter writer, Fonts fonts, ReportFigures figures) {
        document.add(new Paragraph("Signatures by state or region", fonts.heading));
        document.add(SignatureMap.draw(writer, fonts.body.getBaseFont(), choropleths.usStates(figures.byRegion())));
        document.add(counts(fonts, "Region (ISO 3166-2)", "Signatures", figures.byRegion()));
        Image countries = SignatureMap.draw(writer, fonts.body.getBaseFont(),
                choropleths.countries(figures.byCountry()));
        // the heading goes with its map: where the map would go over, both start the next page
        if (writer.getVerticalPosition(true) - document.bottom() < countries.getScaledHeight() + HEADING_ROOM) {
            document.newPage();
        }
        document.add(spaced(new Paragraph("Signatures by country", fonts.heading), 12));
        document.add(countries);
        document.add(counts(fonts, "Country (ISO 3166-1)", "Signatures", figures.byCountry()));
        document.add(spaced(new Paragraph("Signatures over time", fonts.heading), 12));
    }

    /** The calls signers reported: per target and outcome, then per caller's region. */
    private static void calls(Document document, Fonts fonts, ReportFigures figures) {
        document.add(spaced(new Paragraph(String.format("Calls signers reported: %,d", figures.calls().total()),
                fonts.heading), 12));
        CallOutcome[] outcomes = CallOutcome.values();
        float[] widths = new float[outcomes.length + 2];
        Arrays.fill(widths, 12);
        widths[0] = 40;
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        table.addCell(cell("Target", fonts.body, HEADER_SHADE));
        Arrays.stream(outcomes).forEach(outcome -> table.addCell(cell(PetitionCalls.label(outcome),
                fonts.body, HEADER_SHADE)));
        table.addCell(cell("Calls", fonts.body, HEADER_SHADE));
        figures.calls().byTarget().forEach((target, calls) -> {
            table.addCell(cell(target, fonts.body, null));
            Arrays.stream(outcomes).forEach(outcome -> table.addCell(cell(
                    String.format("%,d", calls.byOutcome().getOrDefault(outcome, 0L)), fonts.body, null)));
            table.addCell(cell(String.format("%,d", calls.total()), fonts.body, null));
        });
        document.add(table);
        document.add(spaced(new Paragraph("Calls by the caller's state or region", fonts.heading), 12));
        document.add(counts(fonts, "Region (ISO 3166-2)", "Calls", figures.callsByRegion()));
    }

    private static PdfPTable counts(Fonts fonts, String dimension, String counted, Map<String, Long> counts) {
        PdfPTable table = new PdfPTable(new float[] {60, 40});
        table.setWidthPercentage(60);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        table.addCell(cell(dimension, fonts.body, HEADER_SHADE));
        table.addCell(cell(counted, fonts.body, HEADER_SHADE));
        counts.forEach((bucket, count) -> {
            table.addCell(cell(bucket, fonts.body, null));
            table.addCell(cell(String.format("%,d", count), fonts.body, null));
        });
        return table;
    }

    private static void signers(Document document, Fonts fonts, ReportSnapshot snapshot) throws IOException {
        document.add(new Paragraph("Signers", fonts.heading));
        PdfPTable table = new PdfPTable(new float[] {16, 24, 18, 8, 34});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        // An incomplete table is a large element: each add writes out the rows so far and lets them go
        table.setComplete(false);
        Stream.of("Signed (UTC)", "Name", "Postal code, region", "Country", "Comment")
                .forEach(title -> table.addCell(cell(title, fonts.small, HEADER_SHADE)));
        long[] pending = {0};
        snapshot.forEachSigner(signer -> {
            addSigner(table, fonts, signer);
            if (++pending[0] % ROWS_PER_FLUSH == 0) {
                document.add(table);
            }
        });
        table.setComplete(true);
        document.add(table);
    }

    private static void addSigner(PdfPTable table, Fonts fonts, SignerRow signer) {
        table.addCell(cell(MINUTE.format(signer.signedAt()), fonts.small, null));
        table.addCell(cell(joined(" ", signer.givenName(), signer.familyName()), fonts.small, null));
        table.addCell(cell(joined(", ", signer.postalCode(), signer.region()), fonts.small, null));
        table.addCell(cell(signer.country(), fonts.small, null));
        table.addCell(cell(signer.comment(), fonts.small, null));
    }

    private static String joined(String separator, String... parts) {
        return Stream.of(parts).filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(separator));
    }

    private static PdfPCell cell(String text, Font font, Color shade) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setPadding(3);
        cell.setBorderColor(Color.LIGHT_GRAY);
        if (shade != null) {
            cell.setBackgroundColor(shade);
        }
        return cell;
    }

    private static Paragraph spaced(Paragraph paragraph, float before) {
        paragraph.setSpacingBefore(before);
        return paragraph;
    }

    private record Fonts(Font title, Font heading, Font body, Font small) {

        Fonts(BaseFont font) {
            this(new Font(font, 18), new Font(font, 12), new Font(font, 10), new Font(font, 8));
        }
    }

    /** The petition, the report's moment and the page number at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {

        private final BaseFont font;
        private final String label;

        Footer(BaseFont font, String label) {
            this.font = font;
            this.label = label;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            var canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setFontAndSize(font, 8);
            canvas.showTextAligned(Element.ALIGN_LEFT, label, document.left(), 25, 0);
            canvas.showTextAligned(Element.ALIGN_RIGHT, "page " + writer.getPageNumber(), document.right(), 25, 0);
            canvas.endText();
        }
    }
}
