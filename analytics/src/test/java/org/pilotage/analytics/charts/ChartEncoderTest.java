package org.pilotage.analytics.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Adler32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;

/** The PNG encoder: what a standard reader decodes is the image, pixel for pixel, whether it was deflated in one piece or in strips. */
class ChartEncoderTest {

    private static BufferedImage image(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            g.fillRect(random.nextInt(width), random.nextInt(height), random.nextInt(200) + 1, random.nextInt(60) + 1);
        }
        g.dispose();
        for (int i = 0; i < 5000; i++) { // noise that deflate cannot pack
            image.setRGB(random.nextInt(width), random.nextInt(height), random.nextInt(0x1000000));
        }
        return image;
    }

    @Test
    void everySizeDecodesToTheSamePixels() throws Exception {
        // One row, fewer rows than a strip, and heights that do not divide into strips.
        for (int[] size : new int[][] {{1, 1}, {37, 1}, {300, 127}, {640, 383}, {2200, 1481}}) {
            assertDecodesToItself(image(size[0], size[1], size[0] * 31L + size[1]));
        }
    }

    @Test
    void rowsLongerThanDeflatesWindowAreWrittenWithoutReferringToTheRowAbove() throws Exception {
        // 11,000 pixels make a row of 33,001 bytes: the row above is out of deflate's reach (32 K), the pixel before is not.
        assertDecodesToItself(image(11_000, 300, 11));
    }

    @Test
    void aDrawnChartDecodesToItsPixelsAndIsPackedSmall() throws Exception {
        var chart = oneIndicatorChart("Effets chez la clientèle", org.pilotage.analytics.catalogue.IndicatorUnit.COUNT, 600.0,
                m -> 480 + 13 * (m % 5));
        BufferedImage drawn = drawnAtTwice(chart, 800, 400);
        byte[] png = ChartEncoder.png(chart, 800, 400, 2);
        assertSamePixels(drawn, ImageIO.read(new ByteArrayInputStream(png)));
        assertThat(png.length).as("flat colour packs well: under a tenth of the raw pixels").isLessThan(1600 * 800 * 3 / 10);
    }

    @Test
    void literalPixelsWithTheLongestCodesDecode() throws Exception {
        // A checkerboard of two colours repeats neither the pixel above nor the one before: every pixel is written as
        // literals, and their six bytes are so frequent that a rare colour's bytes get codes of up to 15 bits, three per pixel.
        int width = 900;
        int height = 300;
        BufferedImage original = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                original.setRGB(x, y, random.nextInt(4000) == 0 ? random.nextInt(0x1000000) : ((x + y) % 2 == 0 ? 0x010203 : 0x040506));
            }
        }
        assertDecodesToItself(original);
    }

    @Test
    void aRasterUsedBeforeShowsNothingOfTheLastChart() throws Exception {
        // Rasters are kept and painted white again for the next chart of the same size: a dark chart, then white ones.
        for (Color background : new Color[] {new Color(0x20, 0x20, 0x30), Color.WHITE, new Color(255, 255, 255, 0), Color.WHITE}) {
            var chart = oneIndicatorChart(null, org.pilotage.analytics.catalogue.IndicatorUnit.PERCENT, 80.0, m -> 60 + 3 * (m % 4));
            chart.setBackgroundPaint(background);
            BufferedImage drawn = drawnAtTwice(chart, 500, 250);
            assertSamePixels(drawn, ImageIO.read(new ByteArrayInputStream(ChartEncoder.png(chart, 500, 250, 2))));
            assertThat(chart.getBackgroundPaint()).as("the chart is given back as it came").isEqualTo(background);
        }
    }

    @Test
    void aChartDrawnOnTwoCoresAndDeflatedWhileDrawnDecodesToThePixelsOfTheSameChartDrawnOnOne() throws Exception {
        // Four panels, values from 0 (labels at each panel's bottom edge) to far above the target, a gap, and a comment
        // marker, a title and lines under the chart as a snapshot has them: the upper panels and the titles are drawn on
        // another thread while the lower panels are, and the rows are painted white behind the deflater for the next
        // chart; not one pixel may differ from the chart drawn on one thread, and a raster used again shows none of it.
        List<org.pilotage.analytics.catalogue.Indicator> indicators = new java.util.ArrayList<>();
        Map<String, List<org.pilotage.analytics.series.MonthlyValue>> series = new java.util.HashMap<>();
        java.time.YearMonth to = java.time.YearMonth.of(2026, 9);
        for (int k = 0; k < 4; k++) {
            String code = "CLI-" + k;
            indicators.add(new org.pilotage.analytics.catalogue.Indicator(code, org.pilotage.analytics.catalogue.EffectLevel.CLIENTELE,
                    "Indicateur des effets numéro " + k, "Effect indicator " + k, org.pilotage.analytics.catalogue.IndicatorUnit.PERCENT,
                    true, 80.0));
            List<org.pilotage.analytics.series.MonthlyValue> values = new java.util.ArrayList<>();
            for (int m = 0; m < 12; m++) {
                if (m != 5) {
                    values.add(new org.pilotage.analytics.series.MonthlyValue(code, to.minusMonths(11 - m), m == 0 ? 0 : 40 + 9 * ((m * (k + 3)) % 7), 80.0));
                }
            }
            series.put(code, values);
        }
        var comment = new org.pilotage.analytics.notes.IndicatorComment(1, "CLI-2", "E1", to.minusMonths(3), "Nouvelle équipe en place",
                "gestionnaire", java.time.Instant.parse("2026-07-01T12:00:00Z"));
        var chart = new EffectChartRenderer().render("Effets chez la clientèle", indicators, series, to.minusMonths(11), to,
                ChartLabels.of(java.util.Locale.CANADA_FRENCH), Map.of("CLI-2", List.of(comment)));
        BufferedImage drawn = drawnAtTwice(chart, 1100, 740);
        byte[] png = ChartEncoder.png(chart, 1100, 740, 2);
        assertThat(inflatedLength(png)).isEqualTo(1480L * (1 + 3 * 2200));
        assertSamePixels(drawn, ImageIO.read(new ByteArrayInputStream(png)));

        chart.setTitle(new AsideTitle("Effets chez la clientèle — Salle stratégique", ChartStyle.font(java.awt.Font.BOLD, 16)));
        for (String line : List.of("Données au 5 avril 2026 · n° 2 @correction.xlsx", "Produit le 10 avril 2026 par executive")) {
            AsideTitle t = new AsideTitle(line, ChartStyle.font(java.awt.Font.PLAIN, 11));
            t.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            t.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            chart.addSubtitle(t);
        }
        BufferedImage titled = drawnAtTwice(chart, 1100, 800);
        for (int i = 0; i < 3; i++) {
            assertSamePixels(titled, ImageIO.read(new ByteArrayInputStream(ChartEncoder.png(chart, 1100, 800, 2))));
        }
    }

    @Test
    void aBandAddedUnderAnImageLeavesItsRowsAndItsTextChunks() throws Exception {
        var chart = oneIndicatorChart("Effets chez la clientèle", org.pilotage.analytics.catalogue.IndicatorUnit.COUNT, 600.0,
                m -> 480 + 13 * (m % 5));
        byte[] png = ChartEncoder.png(chart, 800, 400, 2, Map.of("Title", "Effets chez la clientèle"));
        byte[] marked = ChartEncoder.withBanner(png, "Image précédente : mise à jour en cours");
        BufferedImage before = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(marked));
        assertThat(after.getWidth()).isEqualTo(1600);
        assertThat(after.getHeight()).isBetween(801, 900);
        assertThat(inflatedLength(marked)).as("one stream, its checksum combined").isEqualTo((long) after.getHeight() * (1 + 3 * 1600));
        assertSamePixels(before, after.getSubimage(0, 0, 1600, 800));
        int band = 0;
        int text = 0;
        for (int y = 800; y < after.getHeight(); y++) {
            for (int x = 0; x < 1600; x++) {
                int rgb = after.getRGB(x, y) & 0xFFFFFF;
                band += rgb == 0xFFF1C1 ? 1 : 0;
                text += (rgb & 0xFF) < 0x80 ? 1 : 0;
            }
        }
        assertThat(band).as("the band's colour").isGreaterThan(1600 * (after.getHeight() - 800) / 2);
        assertThat(text).as("its words, in dark pixels").isGreaterThan(500);
        assertThat(new String(marked, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("iTXtTitle");
        assertThat(ChartEncoder.withBanner(marked, "encore")).as("a band under a band").hasSizeGreaterThan(marked.length);

        java.io.ByteArrayOutputStream other = new java.io.ByteArrayOutputStream();
        ImageIO.write(before, "png", other);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChartEncoder.withBanner(other.toByteArray(), "x"))
                .as("a PNG written by another encoder").isInstanceOf(IllegalArgumentException.class);
    }

    /** A chart of one indicator over the twelve months to September 2026, its value in month m (0 to 11) given. */
    private static org.jfree.chart.JFreeChart oneIndicatorChart(String title, org.pilotage.analytics.catalogue.IndicatorUnit unit,
                                                                double target, java.util.function.IntToDoubleFunction value) {
        var indicator = new org.pilotage.analytics.catalogue.Indicator("CLI-FAMILLES", org.pilotage.analytics.catalogue.EffectLevel.CLIENTELE,
                "Familles rejointes", "Families reached", unit, true, target);
        java.time.YearMonth to = java.time.YearMonth.of(2026, 9);
        List<org.pilotage.analytics.series.MonthlyValue> values = new java.util.ArrayList<>();
        for (int m = 0; m < 12; m++) {
            values.add(new org.pilotage.analytics.series.MonthlyValue("CLI-FAMILLES", to.minusMonths(11 - m), value.applyAsDouble(m), target));
        }
        return new EffectChartRenderer().render(title, List.of(indicator), Map.of("CLI-FAMILLES", values), to.minusMonths(11), to,
                ChartLabels.of(java.util.Locale.CANADA_FRENCH));
    }

    /** The chart drawn straight into a raster at twice its size, over white: what its PNG must decode to. */
    private static BufferedImage drawnAtTwice(org.jfree.chart.JFreeChart chart, int width, int height) {
        BufferedImage drawn = new BufferedImage(2 * width, 2 * height, BufferedImage.TYPE_INT_RGB);
        var g = drawn.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2 * width, 2 * height);
        g.scale(2, 2);
        chart.draw(g, new java.awt.Rectangle(0, 0, width, height));
        g.dispose();
        return drawn;
    }

    /** Encoded, the zlib stream holds every row and its checksum, and a standard reader decodes the same pixels. */
    private static void assertDecodesToItself(BufferedImage original) throws Exception {
        byte[] png = ChartEncoder.encodePng(original, Map.of());
        assertThat(inflatedLength(png)).as("the zlib stream ends with a checksum that holds")
                .isEqualTo((long) original.getHeight() * (1 + 3 * original.getWidth()));
        assertSamePixels(original, ImageIO.read(new ByteArrayInputStream(png)));
    }

    private static void assertSamePixels(BufferedImage original, BufferedImage decoded) {
        assertThat(decoded.getWidth()).isEqualTo(original.getWidth());
        assertThat(decoded.getHeight()).isEqualTo(original.getHeight());
        for (int y = 0; y < original.getHeight(); y++) {
            for (int x = 0; x < original.getWidth(); x++) {
                if ((decoded.getRGB(x, y) & 0xFFFFFF) != (original.getRGB(x, y) & 0xFFFFFF)) {
                    throw new AssertionError("pixel " + x + "," + y + " of " + original.getWidth() + "x" + original.getHeight() + " differs");
                }
            }
        }
    }

    /** Inflates the IDAT chunk to its end: java.util.zip checks the Adler-32 there ("incorrect data check" otherwise). */
    private static long inflatedLength(byte[] png) throws Exception {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png, 8, png.length - 8);
        while (b.remaining() > 0) {
            int length = b.getInt();
            String type = new String(png, b.position(), 4, java.nio.charset.StandardCharsets.US_ASCII);
            b.position(b.position() + 4);
            if (type.equals("IDAT")) {
                java.util.zip.Inflater inflater = new java.util.zip.Inflater();
                inflater.setInput(png, b.position(), length);
                byte[] out = new byte[1 << 16];
                while (!inflater.finished()) {
                    int n = inflater.inflate(out);
                    if (n == 0 && inflater.needsInput()) {
                        throw new AssertionError("the zlib stream is cut short");
                    }
                }
                long total = inflater.getBytesWritten();
                inflater.end();
                return total;
            }
            b.position(b.position() + length + 4);
        }
        throw new AssertionError("no IDAT");
    }

    @Test
    void theSameImageGivesTheSameBytesAndItsMetadataIsReadable() throws Exception {
        BufferedImage original = image(900, 700, 7);
        byte[] png = ChartEncoder.encodePng(original, Map.of("Pilotage-Room", "Salle stratégique"));
        assertThat(ChartEncoder.encodePng(original, Map.of("Pilotage-Room", "Salle stratégique"))).isEqualTo(png);
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode entry = (IIOMetadataNode) root.getElementsByTagName("iTXtEntry").item(0);
            assertThat(entry.getAttribute("keyword")).isEqualTo("Pilotage-Room");
            assertThat(entry.getAttribute("text")).isEqualTo("Salle stratégique");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void adlerChecksumsOfTwoPiecesCombineIntoTheChecksumOfBoth() {
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            byte[] a = new byte[random.nextInt(200_000)];
            byte[] b = new byte[random.nextInt(200_000)];
            random.nextBytes(a);
            if (i % 2 == 0) {
                random.nextBytes(b);
            }
            Adler32 first = new Adler32();
            first.update(a);
            Adler32 second = new Adler32();
            second.update(b);
            Adler32 both = new Adler32();
            both.update(a);
            both.update(b);
            assertThat(ChartEncoder.adler32Combine(first.getValue(), second.getValue(), b.length)).isEqualTo(both.getValue());
        }
    }

    @Test
    void svgCoordinatesAreWrittenToTheHundredth() {
        assertThat(ChartEncoder.hundredths(12)).isEqualTo("12");
        assertThat(ChartEncoder.hundredths(12.5)).isEqualTo("12.5");
        assertThat(ChartEncoder.hundredths(12.05)).isEqualTo("12.05");
        assertThat(ChartEncoder.hundredths(12.999)).isEqualTo("13");
        assertThat(ChartEncoder.hundredths(-0.3)).isEqualTo("-0.3");
        assertThat(ChartEncoder.hundredths(-0.004)).isEqualTo("0");
        assertThat(ChartEncoder.hundredths(1234567.891)).isEqualTo("1234567.89");
        assertThat(ChartEncoder.hundredths(Double.NaN)).isEqualTo("0");
    }
}
