package org.petitionpipeline.local.tools.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;

/**
 * A load run per second as a PNG: throughput of each stage above, latencies below on a log scale (intake's
 * answers in milliseconds sit next to end-to-end times in seconds). Drawn with java.awt, headless, so the
 * launcher needs no chart library for two panels of lines.
 */
final class LoadChart {

    /** One line: y per x second; NaN leaves a gap. */
    record Series(String name, Color color, double[] x, double[] y) {
    }

    private static final int WIDTH = 1200;
    private static final int PANEL_HEIGHT = 360;
    private static final int MARGIN_LEFT = 80;
    private static final int MARGIN_RIGHT = 220;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private LoadChart() {
    }

    /** The title is the whole command line: smaller type rather than cut off at the right edge. */
    private static Font titleFont(Graphics2D g, String title, int width) {
        Font font = FONT.deriveFont(Font.BOLD, 15f);
        while (font.getSize2D() > 9f && g.getFontMetrics(font).stringWidth(title) > width) {
            font = font.deriveFont(font.getSize2D() - 0.5f);
        }
        return font;
    }

    static void write(Path file, String title, List<Series> throughput, List<Series> latencyMillis) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, 2 * PANEL_HEIGHT + 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(titleFont(g, title, WIDTH - 2 * MARGIN_LEFT));
        g.setColor(Color.BLACK);
        g.drawString(title, MARGIN_LEFT, 24);
        g.setFont(FONT);
        double xMax = Math.max(maxX(throughput), maxX(latencyMillis));
        panel(g, new Rectangle(MARGIN_LEFT, 50, WIDTH - MARGIN_LEFT - MARGIN_RIGHT, PANEL_HEIGHT - 60),
                "per second", throughput, xMax, false);
        panel(g, new Rectangle(MARGIN_LEFT, PANEL_HEIGHT + 50, WIDTH - MARGIN_LEFT - MARGIN_RIGHT, PANEL_HEIGHT - 60),
                "ms (log)", latencyMillis, xMax, true);
        g.drawString("seconds since the measured load began", MARGIN_LEFT + 300, 2 * PANEL_HEIGHT + 40);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    /** Per second, p-th percentile of each second's histogram; NaN for a second without values. */
    static double[] percentiles(Map<Integer, Histogram> bySecond, int seconds, double percentile, double scale) {
        double[] y = new double[seconds];
        for (int second = 0; second < seconds; second++) {
            Histogram histogram = bySecond.get(second);
            y[second] = histogram == null || histogram.getTotalCount() == 0 ? Double.NaN
                    : histogram.getValueAtPercentile(percentile) * scale;
        }
        return y;
    }

    static double[] seconds(int count) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = i + 0.5;
        }
        return x;
    }

    private static void panel(Graphics2D g, Rectangle area, String unit, List<Series> series, double xMax, boolean log) {
        double yMax = series.stream().flatMapToDouble(s -> Arrays.stream(s.y()))
                .filter(y -> !Double.isNaN(y)).max().orElse(1);
        Scale y = log ? new Scale(Math.log10(1), Math.ceil(Math.log10(Math.max(10, yMax))), true)
                : new Scale(0, niceCeiling(yMax), false);
        g.setColor(new Color(235, 235, 235));
        g.fill(area);
        g.setColor(Color.GRAY);
        for (Map.Entry<Double, String> tick : y.ticks().entrySet()) {
            int py = area.y + area.height - (int) (area.height * y.fraction(tick.getKey()));
            g.drawLine(area.x, py, area.x + area.width, py);
            g.drawString(tick.getValue(), area.x - 70, py + 5);
        }
        int xStep = xMax > 120 ? 30 : 10;
        for (int second = 0; second <= xMax; second += xStep) {
            int px = area.x + (int) (area.width * second / xMax);
            g.drawLine(px, area.y + area.height, px, area.y + area.height + 5);
            g.drawString(String.valueOf(second), px - 8, area.y + area.height + 20);
        }
        g.drawString(unit, area.x - 70, area.y - 8);
        g.setStroke(new BasicStroke(2f));
        int legend = area.y + 10;
        for (Series line : series) {
            g.setColor(line.color());
            g.draw(path(line, area, xMax, y));
            g.fillRect(area.x + area.width + 15, legend, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(line.name(), area.x + area.width + 35, legend + 6);
            legend += 22;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static Path2D path(Series line, Rectangle area, double xMax, Scale y) {
        Path2D path = new Path2D.Double();
        boolean drawing = false;
        for (int i = 0; i < line.x().length; i++) {
            double value = line.y()[i];
            if (Double.isNaN(value) || (y.log() && value <= 0)) {
                drawing = false;
                continue;
            }
            double px = area.x + area.width * line.x()[i] / xMax;
            double py = area.y + area.height - area.height * y.fraction(y.log() ? Math.log10(value) : value);
            if (drawing) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                drawing = true;
            }
        }
        return path;
    }

    private static double maxX(List<Series> series) {
        return series.stream().flatMapToDouble(s -> Arrays.stream(s.x())).max().orElse(1);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(1, value))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The y axis; on a log scale, bounds and ticks are powers of ten. */
    private record Scale(double min, double max, boolean log) {

        double fraction(double value) {
            return Math.max(0, Math.min(1, (value - min) / (max - min)));
        }

        Map<Double, String> ticks() {
            Map<Double, String> ticks = new TreeMap<>();
            if (log) {
                for (double power = min; power <= max; power++) {
                    ticks.put(power, String.format("%,.0f", Math.pow(10, power)));
                }
            } else {
                for (int i = 0; i <= 5; i++) {
                    ticks.put(min + (max - min) * i / 5, String.format("%,.0f", min + (max - min) * i / 5));
                }
            }
            return ticks;
        }
    }
}
