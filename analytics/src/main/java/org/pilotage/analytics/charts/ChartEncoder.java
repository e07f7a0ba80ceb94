package org.pilotage.analytics.charts;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

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
        int w = (int) Math.round(width * scale);
        int h = (int) Math.round(height * scale);
        // The background is in the raster before the chart is drawn (see RasterPool): the chart filling it itself through
        // Java2D (a scaled, anti-aliased shape over every pixel) took three times as long as filling the array.
        java.awt.Paint background = chart.getBackgroundPaint();
        boolean opaque = background instanceof java.awt.Color c && c.getAlpha() == 255;
        BufferedImage image = RasterPool.take(w, h, opaque ? ((java.awt.Color) background).getRGB() & 0xFFFFFF : RasterPool.WHITE);
        var g2 = image.createGraphics();
        Pipeline pipeline = new Pipeline(g2, image);
        try {
            try {
                if (opaque) {
                    chart.setBackgroundPaint(null);
                }
                g2.scale(scale, scale);
                DRAWING.set(pipeline);
                chart.draw(g2, new Rectangle(0, 0, width, height));
                pipeline.drawnAside();
            } finally {
                DRAWING.remove();
                g2.dispose();
                if (opaque) {
                    chart.setBackgroundPaint(background);
                }
            }
            byte[] png = encodePng(image, metadata, pipeline);
            RasterPool.give(image, pipeline.ends);
            return png;
        } finally {
            for (var part : pipeline.started) { // a chart that failed half drawn: its strips end before it is dropped
                try {
                    part.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException e) {
                    // the encoding's own failure, if it is one, was thrown by encodePng
                }
            }
        }
    }

    /**
     * Rasters kept for the next chart of the same size: a 2x chart is a 13 MB array, and allocating one per image
     * (a humongous object for the collector) cost more than drawing it. A raster comes back white, so that the next
     * chart finds its background already there (every chart has a white one) instead of writing 13 MB before it draws:
     * the deflater paints each row white once it has read it, while the row is still in the cache (a pass of its own
     * over the whole raster, on a thread of its own, took an eighth of the processor time of an image), and the last
     * row of each strip is painted when the raster is given back. A raster whose chart or encoding failed is dropped.
     * At most one per permit of {@link #RASTERS} per size, and a few sizes (the charts' layouts).
     */
    private static final class RasterPool {
        static final int WHITE = PixelRuns.WHITE;
        private static final int MAX_SIZES = 8;
        private static final int MAX_PER_SIZE = Runtime.getRuntime().availableProcessors();
        private static final java.util.Map<Long, java.util.concurrent.ConcurrentLinkedDeque<BufferedImage>> FREE =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** A raster of this size holding only this colour. */
        static BufferedImage take(int w, int h, int background) {
            var free = FREE.get(key(w, h));
            BufferedImage image = free == null ? null : free.pollFirst();
            if (image == null) {
                image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                fill(image, background);
            } else if (background != WHITE) {
                fill(image, background);
            }
            return image;
        }

        /** A raster back, white but for the rows just before {@code ends} (each strip's last), which are painted here. */
        static void give(BufferedImage image, List<Integer> ends) {
            long key = key(image.getWidth(), image.getHeight());
            if (FREE.size() >= MAX_SIZES && !FREE.containsKey(key)) {
                FREE.clear(); // layouts changed: keep the newest
            }
            var free = FREE.computeIfAbsent(key, k -> new java.util.concurrent.ConcurrentLinkedDeque<>());
            if (free.size() < MAX_PER_SIZE) {
                int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
                int width = image.getWidth();
                for (int end : ends) {
                    java.util.Arrays.fill(pixels, (end - 1) * width, end * width, WHITE);
                }
                free.offerFirst(image);
            }
        }

        private static void fill(BufferedImage image, int rgb) {
            java.util.Arrays.fill(((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData(), rgb);
        }

        private static long key(int w, int h) {
            return ((long) w << 32) | h;
        }
    }

    /** The raster being drawn on this thread, and the strips of it already being deflated. */
    private static final ThreadLocal<Pipeline> DRAWING = new ThreadLocal<>();

    /**
     * Told by a part of a chart, once drawn, that nothing drawn after it touches what lies above {@code y} (in the
     * chart's units, on {@code g2}): the rows above are then deflated on another core while the rest is drawn. Anything
     * else drawing on {@code g2} (an SVG, a PDF, a raster not drawn by {@link #png}) ignores it.
     */
    public static void drawnAbove(java.awt.Graphics2D g2, double y) {
        Pipeline pipeline = DRAWING.get();
        if (pipeline != null && pipeline.graphics == g2) {
            java.awt.geom.AffineTransform t = g2.getTransform();
            pipeline.drawnAbove(t.getScaleY() * (y - 1) + t.getTranslateY()); // one unit of margin for anti-aliased edges
        }
    }

    /**
     * Draws a part of a chart on another core if {@code g2} draws a PNG in {@link #png}: {@code part} receives a copy
     * of {@code g2} as it is now, and must draw only within rows that nothing else drawn after this call touches (a
     * panel among panels one above another). The chart's drawing ends once every such part has. Returns false, having
     * run nothing, for any other {@code g2} (an SVG, a PDF): the caller then draws the part itself.
     */
    public static boolean drawAside(java.awt.Graphics2D g2, java.util.function.Consumer<java.awt.Graphics2D> part) {
        Pipeline pipeline = DRAWING.get();
        if (pipeline == null || pipeline.graphics != g2) {
            return false;
        }
        java.awt.Graphics2D copy = (java.awt.Graphics2D) g2.create();
        var task = new java.util.concurrent.FutureTask<Void>(() -> {
            try {
                part.accept(copy);
            } finally {
                copy.dispose();
            }
            return null;
        });
        pipeline.aside.add(task);
        ASIDE.execute(task);
        return true;
    }

    /** Where parts of a chart are drawn beside the thread that draws the rest: one at a time, on the other core. */
    private static final java.util.concurrent.ExecutorService ASIDE = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("png-draw").factory());

    /** A raster drawn on one thread and deflated on others as its rows are done: the first rows while the last are drawn. */
    private static final class Pipeline {
        final java.awt.Graphics2D graphics;
        final int[] pixels;
        final int width;
        final int height;
        final List<java.util.concurrent.FutureTask<PixelRuns.Block>> started = new ArrayList<>();
        /** Where each strip ends, those started and those of the rest. */
        final List<Integer> ends = new ArrayList<>();
        /** Parts of the chart drawn on another thread ({@link #drawAside}). */
        final List<java.util.concurrent.FutureTask<Void>> aside = new ArrayList<>();
        int from;

        Pipeline(java.awt.Graphics2D graphics, BufferedImage image) {
            this.graphics = graphics;
            this.pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
            this.width = image.getWidth();
            this.height = image.getHeight();
        }

        /** Waits for the parts drawn aside (running those no thread has started). */
        void drawnAside() {
            for (var part : aside) {
                result(part);
            }
        }

        void drawnAbove(double deviceY) {
            if (!aside.isEmpty()) {
                return; // rows above may still be drawn by a part aside: they are deflated once the chart is drawn
            }
            // rows before `to` are final; a strip is worth a task from MIN_STRIP_ROWS rows, and the last rows are left
            // for the end (the stream's final block)
            int to = Math.min((int) Math.floor(deviceY), height - MIN_STRIP_ROWS);
            if (to - from >= MIN_STRIP_ROWS) {
                int f = from;
                started.add(deflateLater(pixels, width, f, to, true));
                ends.add(to);
                from = to;
            }
        }
    }

    /** Rows per strip below which an image is deflated in one piece. */
    private static final int MIN_STRIP_ROWS = 128;
    private static final int STRIPS = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
    private static final java.util.concurrent.ExecutorService DEFLATERS = java.util.concurrent.Executors.newFixedThreadPool(STRIPS,
            Thread.ofPlatform().daemon().name("png-deflate-", 0).factory());

    /**
     * Encodes an RGB image as PNG: no row filter, deflated by {@link PixelRuns} (runs of the pixel above or before,
     * codes fitted to each strip), which on a chart is several times faster than zlib at its fastest level, for a file of similar size.
     * A large image is cut into horizontal strips deflated at once, one per core, and joined into one zlib stream (each
     * strip ends on a byte boundary, an empty final block ends the stream; the checksum is combined), as pigz does.
     * Same image, same bytes.
     * A chart drawn by {@link #png} that says which of its rows are done ({@link #drawnAbove}) has those deflated while
     * the rest is drawn.
     */
    public static byte[] encodePng(BufferedImage image, java.util.Map<String, String> metadata) {
        return encodePng(image, metadata, null);
    }

    /**
     * The same; given a pipeline, its rows before {@code from} are being deflated already by its {@code started}
     * strips (in order, none of them final), and every row is painted white once read, but each strip's last.
     */
    private static byte[] encodePng(BufferedImage image, java.util.Map<String, String> metadata, Pipeline pipeline) {
        List<java.util.concurrent.FutureTask<PixelRuns.Block>> started = pipeline == null ? List.of() : pipeline.started;
        int from = pipeline == null ? 0 : pipeline.from;
        boolean whiten = pipeline != null;
        int width = image.getWidth();
        int height = image.getHeight();
        // The pixels straight from the raster (TYPE_INT_RGB): getRGB would convert every pixel through the colour model.
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int rest = height - from;
        int strips = Math.max(1, Math.min(STRIPS, rest / MIN_STRIP_ROWS));
        List<java.util.concurrent.FutureTask<PixelRuns.Block>> parts = new ArrayList<>();
        for (int k = 1; k < strips; k++) {
            int start = from + rest * k / strips;
            int end = from + rest * (k + 1) / strips;
            parts.add(deflateLater(pixels, width, start, end, whiten));
        }
        if (pipeline != null) {
            for (int k = 0; k < strips; k++) {
                pipeline.ends.add(from + rest * (k + 1) / strips);
            }
        }
        PixelRuns.Block first = PixelRuns.deflate(pixels, width, from, from + rest / strips, whiten); // on this thread
        List<PixelRuns.Block> done = new ArrayList<>();
        for (var part : started) {
            done.add(result(part));
        }
        done.add(first);
        for (var part : parts) {
            done.add(result(part));
        }
        long adler = 1;
        int deflated = 0;
        for (PixelRuns.Block d : done) {
            adler = adler32Combine(adler, d.adler(), d.length());
            deflated += d.size();
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        head.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit RGB, no interlace
        chunk(head, "IHDR", header.array());
        for (var e : new java.util.TreeMap<>(metadata).entrySet()) {
            // iTXt: keyword, NUL, no compression, method 0, no language tag, NUL, no translated keyword, NUL, UTF-8 text
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            text.writeBytes(e.getKey().getBytes(StandardCharsets.ISO_8859_1));
            text.writeBytes(new byte[] {0, 0, 0, 0, 0});
            text.writeBytes(e.getValue().getBytes(StandardCharsets.UTF_8));
            chunk(head, "iTXt", text.toByteArray());
        }
        // The IDAT chunk written in place, its blocks copied once: zlib header, the blocks, an empty final block (so that
        // rows can be added after them: see withBanner), the Adler-32.
        int idatLength = 2 + deflated + FINAL_BLOCK.length + 4;
        ByteBuffer png = ByteBuffer.allocate(head.size() + 12 + idatLength + 12);
        png.put(head.toByteArray());
        int idatStart = png.position();
        png.putInt(idatLength).put("IDAT".getBytes(StandardCharsets.US_ASCII));
        png.put((byte) 0x78); // zlib: deflate, 32 K window
        png.put((byte) 0x01); // fastest level, no dictionary; (0x78 << 8 | 0x01) % 31 == 0
        for (PixelRuns.Block d : done) {
            png.put(d.deflated(), 0, d.size());
        }
        png.put(FINAL_BLOCK);
        png.putInt((int) adler);
        CRC32 crc = new CRC32();
        crc.update(png.array(), idatStart + 4, 4 + idatLength);
        png.putInt((int) crc.getValue());
        png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082); // IEND's CRC is fixed
        return png.array();
    }

    /** An empty final block of fixed codes (zlib's own end of stream): every strip before it ends on a byte boundary. */
    private static final byte[] FINAL_BLOCK = {0x03, 0x00};
    private static final java.awt.Color BANNER = new java.awt.Color(0xFF, 0xF1, 0xC1);

    /**
     * The same PNG with a band of text added under it: the band's rows are deflated and appended to the image's
     * stream, whose rows are neither read nor changed (the checksum is combined). A previous image served while its
     * successor is drawn says so on itself this way, for the cost of a band, not of an image.
     *
     * @throws IllegalArgumentException for a PNG not written by {@link #encodePng}
     */
    public static byte[] withBanner(byte[] png, String text) {
        ByteBuffer in = ByteBuffer.wrap(png);
        byte[] ihdr = null;
        int idatAt = -1;
        int idatLength = 0;
        ByteArrayOutputStream others = new ByteArrayOutputStream(); // the text chunks, copied as they are
        for (int at = 8; at + 12 <= png.length; ) {
            int length = in.getInt(at);
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("IHDR")) {
                ihdr = java.util.Arrays.copyOfRange(png, at + 8, at + 8 + length);
            } else if (type.equals("IDAT")) {
                if (idatAt >= 0) {
                    throw new IllegalArgumentException("A PNG of more than one IDAT chunk");
                }
                idatAt = at + 8;
                idatLength = length;
            } else if (!type.equals("IEND")) {
                others.write(png, at, 12 + length);
            }
            at += 12 + length;
        }
        if (ihdr == null || idatAt < 0 || idatLength < 2 + FINAL_BLOCK.length + 4
                || png[idatAt + idatLength - 6] != FINAL_BLOCK[0] || png[idatAt + idatLength - 5] != FINAL_BLOCK[1]) {
            throw new IllegalArgumentException("Not a PNG written by ChartEncoder");
        }
        ByteBuffer header = ByteBuffer.wrap(ihdr);
        int width = header.getInt(0);
        int bandHeight = Math.max(24, Math.round(width / 46f));
        BufferedImage band = new BufferedImage(width, bandHeight, BufferedImage.TYPE_INT_RGB);
        var g = band.createGraphics();
        try {
            g.setColor(BANNER);
            g.fillRect(0, 0, width, bandHeight);
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(ChartStyle.font(java.awt.Font.BOLD, Math.round(bandHeight * 0.5f)));
            g.setColor(ChartStyle.TEXT);
            var metrics = g.getFontMetrics();
            g.drawString(text, bandHeight / 2, (bandHeight - metrics.getHeight()) / 2 + metrics.getAscent());
        } finally {
            g.dispose();
        }
        PixelRuns.Block rows = PixelRuns.deflate(((java.awt.image.DataBufferInt) band.getRaster().getDataBuffer()).getData(), width, 0,
                bandHeight);
        long adler = adler32Combine(in.getInt(idatAt + idatLength - 4) & 0xFFFF_FFFFL, rows.adler(), rows.length());
        header.putInt(4, header.getInt(4) + bandHeight);
        ByteBuffer idat = ByteBuffer.allocate(idatLength + rows.size());
        idat.put(png, idatAt, idatLength - FINAL_BLOCK.length - 4); // the zlib header and the image's blocks
        idat.put(rows.deflated(), 0, rows.size());
        idat.put(FINAL_BLOCK);
        idat.putInt((int) adler);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + rows.size() + 64);
        out.writeBytes(java.util.Arrays.copyOfRange(png, 0, 8));
        chunk(out, "IHDR", ihdr);
        out.writeBytes(others.toByteArray());
        chunk(out, "IDAT", idat.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A strip handed to the deflaters' threads; whoever needs it first runs it (see {@link #result}). */
    private static java.util.concurrent.FutureTask<PixelRuns.Block> deflateLater(int[] pixels, int width, int from, int to,
                                                                                boolean whiten) {
        var task = new java.util.concurrent.FutureTask<>(() -> PixelRuns.deflate(pixels, width, from, to, whiten));
        DEFLATERS.execute(task);
        return task;
    }

    /**
     * A strip's block: run here if no deflater has started it yet (a thread parked for a while, on a virtual machine
     * whose other core sleeps, can take a millisecond to wake), else waited for.
     */
    private static <T> T result(java.util.concurrent.FutureTask<T> part) {
        part.run(); // nothing if a deflater runs it or has run it
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while drawing or encoding a PNG", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The Adler-32 of two pieces of data one after the other, from theirs and the second one's length (zlib's adler32_combine). */
    static long adler32Combine(long adler1, long adler2, long length2) {
        final long base = 65521;
        long rem = length2 % base;
        long sum1 = adler1 & 0xffff;
        long sum2 = (rem * sum1) % base;
        sum1 += (adler2 & 0xffff) + base - 1;
        sum2 += ((adler1 >> 16) & 0xffff) + ((adler2 >> 16) & 0xffff) + base - rem;
        if (sum1 >= base) {
            sum1 -= base;
        }
        if (sum1 >= base) {
            sum1 -= base;
        }
        if (sum2 >= (base << 1)) {
            sum2 -= (base << 1);
        }
        if (sum2 >= base) {
            sum2 -= base;
        }
        return (sum2 << 16) | sum1;
    }

    /** A number rounded to two decimals, without trailing zeros: 12, 12.5, 12.05, -0.3. */
    static String hundredths(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long r = Math.round(v * 100);
        StringBuilder out = new StringBuilder(12);
        if (r < 0) {
            out.append('-');
            r = -r;
        }
        out.append(r / 100);
        long cents = r % 100;
        if (cents != 0) {
            out.append('.');
            if (cents < 10) {
                out.append('0').append(cents);
            } else {
                out.append(cents % 10 == 0 ? cents / 10 : cents);
            }
        }
        return out.toString();
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
        // Coordinates to the hundredth of a pixel: as sharp, shorter to write and to send.
        g2.setGeomDoubleConverter(ChartEncoder::hundredths);
        g2.setTransformDoubleConverter(ChartEncoder::hundredths);
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
