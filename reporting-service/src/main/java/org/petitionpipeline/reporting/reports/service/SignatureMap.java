package org.petitionpipeline.reporting.reports.service;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import org.petitionpipeline.reporting.maps.Choropleth;
import org.petitionpipeline.reporting.maps.ColourScale;

/**
 * A map coloured by signatures, drawn as PDF vector graphics from the same outlines and colours as the console's
 * SVG, with its legend underneath and its description as the image's alternative text.
 */
final class SignatureMap {

    /* narrower than the page (515 pt), so that the states' map and a short table share a page */
    private static final float WIDTH = 420;
    private static final float LEGEND = 22;
    private static final float SWATCH = 8;
    private static final float LABEL_SIZE = 8;

    private SignatureMap() {
    }

    static Image draw(PdfWriter writer, BaseFont font, Choropleth map) {
        float scale = WIDTH / map.width();
        float mapHeight = map.height() * scale;
        PdfTemplate canvas = PdfTemplate.createTemplate(writer, WIDTH, mapHeight + LEGEND);
        canvas.setLineWidth(0.3f);
        for (Choropleth.FilledShape place : map.shapes()) {
            canvas.setColorFill(Color.decode(place.colour()));
            // as in the console: places with signatures outlined in black, so that the lightest class stands out
            canvas.setGrayStroke(place.count() > 0 ? 0 : 1);
            for (float[] ring : place.shape().rings()) {
                // SVG's y grows downwards, PDF's upwards, above the legend
                for (int i = 0; i < ring.length; i += 2) {
                    float x = ring[i] * scale;
                    float y = LEGEND + mapHeight - ring[i + 1] * scale;
                    if (i == 0) {
                        canvas.moveTo(x, y);
                    } else {
                        canvas.lineTo(x, y);
                    }
                }
                canvas.closePath();
            }
            canvas.fillStroke();
        }
        legend(canvas, font, map);
        Image image = Image.getInstance(canvas);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setAlt(map.description());
        return image;
    }

    private static void legend(PdfTemplate canvas, BaseFont font, Choropleth map) {
        float x = 0;
        x = entry(canvas, font, x, ColourScale.NONE, "no signatures");
        for (ColourScale.LegendEntry entry : map.legend()) {
            x = entry(canvas, font, x, entry.colour(), entry.label());
        }
    }

    /** Draws one swatch and its label from {@code x}; returns where the next one starts. */
    private static float entry(PdfTemplate canvas, BaseFont font, float x, String colour, String label) {
        canvas.setColorFill(Color.decode(colour));
        canvas.setGrayStroke(0.6f);
        canvas.rectangle(x, 4, SWATCH, SWATCH);
        canvas.fillStroke();
        canvas.beginText();
        canvas.setRGBColorFill(0, 0, 0);
        canvas.setFontAndSize(font, LABEL_SIZE);
        canvas.showTextAligned(Element.ALIGN_LEFT, label, x + SWATCH + 3, 5, 0);
        canvas.endText();
        return x + SWATCH + 3 + font.getWidthPoint(label, LABEL_SIZE) + 12;
    }
}
