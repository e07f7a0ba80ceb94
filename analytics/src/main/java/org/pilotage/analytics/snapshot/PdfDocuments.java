package org.pilotage.analytics.snapshot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.BiConsumer;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.JFreeChart;
import org.pilotage.analytics.charts.ChartStyle;

/**
 * Vector PDF written with PDFBox: Java2D drawn into PDF (charts stay vectors, text stays text with
 * the shipped DejaVu fonts embedded, so it can be searched and copied, accents included). The
 * document's info fields carry the provenance; its ID is derived from the content hash, so the same
 * content gives the same bytes.
 */
public final class PdfDocuments {

    /** A4 landscape, in points. */
    public static final float PAGE_WIDTH = 842;
    public static final float PAGE_HEIGHT = 595;

    private PdfDocuments() {
    }

    /** One chart on one page of its own size, as a vector drawing. */
    public static byte[] chart(JFreeChart chart, int width, int height, String title, Provenance provenance) {
        return write(title, provenance, List.of((g, page) -> chart.draw(g, new Rectangle(0, 0, width, height))),
                width, height);
    }

    /** A page of a multi-page document: draws with Java2D at A4 landscape; {@code page} is its number from 1. */
    public interface PageDrawer extends BiConsumer<Graphics2D, Integer> {
    }

    public static byte[] pages(String title, Provenance provenance, List<? extends BiConsumer<Graphics2D, Integer>> pages) {
        return write(title, provenance, pages, PAGE_WIDTH, PAGE_HEIGHT);
    }

    private static byte[] write(String title, Provenance provenance, List<? extends BiConsumer<Graphics2D, Integer>> pages,
                                float width, float height) {
        try (PDDocument document = new PDDocument(); PdfBoxGraphics2DFontTextDrawer fonts = fonts();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int number = 1;
            for (BiConsumer<Graphics2D, Integer> drawer : pages) {
                PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, width, height);
                g.setFontTextDrawer(fonts);
                try {
                    drawer.accept(g, number++);
                } finally {
                    g.dispose();
                }
                PDPage page = new PDPage(new PDRectangle(width, height));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawForm(g.getXFormObject());
                }
            }
            info(document, title, provenance);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PdfBoxGraphics2DFontTextDrawer fonts() throws IOException {
        PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer();
        for (Map.Entry<String, String> font : ChartStyle.fontFiles().entrySet()) {
            try (InputStream in = ChartStyle.fontFile(font.getValue())) {
                drawer.registerFont(font.getKey(), in);
            }
        }
        return drawer;
    }

    private static void info(PDDocument document, String title, Provenance provenance) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(provenance.generatedBy());
        info.setSubject(String.join(" / ", provenance.lines()));
        info.setKeywords(provenance.contentHash());
        info.setCreator("Pilotage");
        info.setProducer("Pilotage");
        Calendar at = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        at.setTimeInMillis(provenance.generatedAt().toEpochMilli());
        info.setCreationDate(at);
        info.setModificationDate(at);
        for (Map.Entry<String, String> e : provenance.metadata().entrySet()) {
            info.setCustomMetadataValue(e.getKey(), e.getValue());
        }
        document.getDocumentCatalog().setLanguage(provenance.locale().getLanguage());
        // Without an ID PDFBox derives one from the clock: derive it from what the file shows instead.
        byte[] id = md5(provenance.contentHash() + "|" + provenance.generatedAt() + "|" + provenance.generatedBy() + "|" + title);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- drawing helpers for report pages -------------------------------------------------------

    public static final Color TEXT = new Color(0x22, 0x22, 0x22);
    public static final Color MUTED = new Color(0x55, 0x55, 0x55);
    public static final float MARGIN = 36;

    /** Draws text and answers the baseline of the next line. */
    public static float text(Graphics2D g, String s, float x, float y, int style, int size, Color colour) {
        g.setFont(ChartStyle.font(style, size));
        g.setColor(colour);
        g.drawString(s, x, y);
        return y + size * 1.35f;
    }

    /** Text cut with an ellipsis to fit a width. */
    public static String fit(Graphics2D g, String s, float width) {
        if (s == null) {
            return "";
        }
        var metrics = g.getFontMetrics();
        if (metrics.stringWidth(s) <= width) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** Words wrapped to a width; answers the lines. */
    public static List<String> wrap(Graphics2D g, String s, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (g.getFontMetrics().stringWidth(candidate) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    public static void rule(Graphics2D g, float y) {
        g.setColor(new Color(0xDD, 0xDD, 0xDD));
        g.setStroke(new BasicStroke(0.8f));
        g.drawLine((int) MARGIN, (int) y, (int) (PAGE_WIDTH - MARGIN), (int) y);
    }

    public static Font font(int style, int size) {
        return ChartStyle.font(style, size);
    }
}
