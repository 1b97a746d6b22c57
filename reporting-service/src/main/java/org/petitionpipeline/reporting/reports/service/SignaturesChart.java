package org.petitionpipeline.reporting.reports.service;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import org.petitionpipeline.reporting.reports.repository.ReportFigures;

/** Signatures per hour or day as a bar chart, drawn as PDF vector graphics (sharp at any zoom, a few KB). */
final class SignaturesChart {

    private static final float WIDTH = 500;
    private static final float HEIGHT = 220;
    private static final float LEFT = 50;
    private static final float BOTTOM = 30;
    private static final float TOP = 15;
    private static final float LABEL_SIZE = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00").withZone(ZoneOffset.UTC);

    private SignaturesChart() {
    }

    static Image draw(PdfWriter writer, BaseFont font, ReportFigures figures) {
        PdfTemplate chart = PdfTemplate.createTemplate(writer, WIDTH, HEIGHT);
        Map<Instant, Long> timeline = figures.timeline();
        long highest = timeline.isEmpty() ? 0 : Collections.max(timeline.values());
        float plotWidth = WIDTH - LEFT - 10;
        float plotHeight = HEIGHT - BOTTOM - TOP;

        chart.setGrayStroke(0.4f);
        chart.setLineWidth(0.5f);
        chart.moveTo(LEFT, BOTTOM + plotHeight);
        chart.lineTo(LEFT, BOTTOM);
        chart.lineTo(LEFT + plotWidth, BOTTOM);
        chart.stroke();

        if (highest > 0) {
            Instant first = figures.firstSigned().truncatedTo(figures.timelineUnit());
            Instant last = figures.lastSigned().truncatedTo(figures.timelineUnit());
            long slots = figures.timelineUnit().between(first, last) + 1;
            float slotWidth = plotWidth / slots;
            chart.setRGBColorFill(44, 98, 160);
            timeline.forEach((bucket, count) -> chart.rectangle(
                    LEFT + figures.timelineUnit().between(first, bucket) * slotWidth, BOTTOM,
                    Math.max(slotWidth * 0.8f, 0.5f), plotHeight * count / highest));
            chart.fill();
        }

        DateTimeFormatter format = figures.timelineUnit() == ChronoUnit.DAYS ? DAY : HOUR;
        chart.beginText();
        chart.setRGBColorFill(0, 0, 0);
        chart.setFontAndSize(font, LABEL_SIZE);
        chart.showTextAligned(Element.ALIGN_RIGHT, String.format("%,d", highest), LEFT - 4, BOTTOM + plotHeight - 3,
                0);
        chart.showTextAligned(Element.ALIGN_RIGHT, "0", LEFT - 4, BOTTOM - 3, 0);
        if (highest > 0) {
            chart.showTextAligned(Element.ALIGN_LEFT, format.format(figures.firstSigned()), LEFT, BOTTOM - 14, 0);
            chart.showTextAligned(Element.ALIGN_RIGHT, format.format(figures.lastSigned()), LEFT + plotWidth,
                    BOTTOM - 14, 0);
        }
        chart.showTextAligned(Element.ALIGN_LEFT, "signatures per "
                + (figures.timelineUnit() == ChronoUnit.DAYS ? "day" : "hour") + " (UTC)", LEFT, HEIGHT - 10, 0);
        chart.endText();
        Image image = Image.getInstance(chart);
        image.setAlignment(Element.ALIGN_CENTER);
        return image;
    }
}
