package org.pilotage.analytics.charts;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Turns a chart into bytes: PNG (optionally at a higher pixel density) or SVG. */
public final class ChartEncoder {

    private ChartEncoder() {
    }

    /** PNG of a chart laid out at {@code width × height} and drawn at {@code scale} pixels per unit (2 = sharp on high-density screens). */
    public static byte[] png(JFreeChart chart, int width, int height, double scale) {
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        var g2 = image.createGraphics();
        try {
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            ChartUtils.writeBufferedImageAsPNG(out, image, false, 6);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }
}
