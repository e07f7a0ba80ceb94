package org.pilotage.analytics.charts;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Turns a chart into bytes: PNG (optionally at a higher pixel density) or SVG. */
public final class ChartEncoder {

    private ChartEncoder() {
    }

    /** PNG of a chart laid out at {@code width × height} and drawn at {@code scale} pixels per unit (2 = sharp on high-density screens). */
    public static byte[] png(JFreeChart chart, int width, int height, double scale) {
        return png(chart, width, height, scale, java.util.Map.of());
    }

    /** A PNG carrying text metadata (iTXt chunks, UTF-8): keyword → text. */
    /**
     * Rasters of a few megapixels each: as many at once as there are cores, so that a burst of requests
     * (viewers after a publication, a script) queues here instead of filling the heap.
     */
    private static final java.util.concurrent.Semaphore RASTERS =
            new java.util.concurrent.Semaphore(Runtime.getRuntime().availableProcessors());

    public static byte[] png(JFreeChart chart, int width, int height, double scale, java.util.Map<String, String> metadata) {
        RASTERS.acquireUninterruptibly();
        try {
            return raster(chart, width, height, scale, metadata);
        } finally {
            RASTERS.release();
        }
    }

    private static byte[] raster(JFreeChart chart, int width, int height, double scale, java.util.Map<String, String> metadata) {
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        var g2 = image.createGraphics();
        try {
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return encodePng(image, metadata);
    }

    /**
     * Encodes an RGB image as PNG: no per-row filter and deflate at its fastest level. Charts are
     * mostly flat colour, which deflate packs well without filtering; ImageIO's writer tries five
     * filters on every row and took ~4x longer here (bench/dashboard.sh). Same image, same bytes.
     */
    static byte[] encodePng(BufferedImage image, java.util.Map<String, String> metadata) {
        int width = image.getWidth();
        int height = image.getHeight();
        // The pixels straight from the raster (TYPE_INT_RGB): getRGB would convert every pixel through the colour model.
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] row = new byte[1 + width * 3];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(64 * 1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
            for (int y = 0; y < height; y++) {
                row[0] = 0; // filter: none
                int offset = y * width;
                for (int x = 0, i = 1; x < width; x++) {
                    int p = pixels[offset + x];
                    row[i++] = (byte) (p >> 16);
                    row[i++] = (byte) (p >> 8);
                    row[i++] = (byte) p;
                }
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(compressed.size() + 1024);
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit RGB, no interlace
        chunk(png, "IHDR", header.array());
        for (var e : new java.util.TreeMap<>(metadata).entrySet()) {
            // iTXt: keyword, NUL, no compression, method 0, no language tag, NUL, no translated keyword, NUL, UTF-8 text
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            text.writeBytes(e.getKey().getBytes(StandardCharsets.ISO_8859_1));
            text.writeBytes(new byte[] {0, 0, 0, 0, 0});
            text.writeBytes(e.getValue().getBytes(StandardCharsets.UTF_8));
            chunk(png, "iTXt", text.toByteArray());
        }
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static byte[] svg(JFreeChart chart, int width, int height) {
        return svg(chart, width, height, null, null);
    }

    /** An SVG with a title and a description (the provenance) as the root's first children, for readers and screen readers. */
    public static byte[] svg(JFreeChart chart, int width, int height, String title, String description) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("pilotage"); // the default derives from the clock: the same chart would differ
        chart.draw(g2, new Rectangle(0, 0, width, height));
        String doc = g2.getSVGDocument();
        if (title != null || description != null) {
            int root = doc.indexOf('>', doc.indexOf("<svg")) + 1;
            StringBuilder meta = new StringBuilder();
            if (title != null) {
                meta.append("<title>").append(xml(title)).append("</title>");
            }
            if (description != null) {
                meta.append("<desc>").append(xml(description)).append("</desc>");
            }
            doc = doc.substring(0, root) + meta + doc.substring(root);
        }
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
