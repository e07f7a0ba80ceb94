package org.pilotage.analytics.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/** Colours, strokes, fonts and number formats shared by every chart (colour-blind-safe Okabe–Ito palette). */
public final class ChartStyle {

    public static final Color VALUE = new Color(0x00, 0x72, 0xB2);
    public static final Color TARGET = new Color(0xD5, 0x5E, 0x00);
    public static final Color COMMENT = new Color(0xCC, 0x79, 0xA7);
    /** Okabe–Ito colours for the project-count categories, in the contract's order. */
    public static final Color[] CATEGORIES = {new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00),
            new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9)};
    public static final BasicStroke COMMENT_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {3f, 3f}, 0f);
    /**
     * Gridlines: thin, solid and pale. JFreeChart's default is dashed (2 on, 2 off), which a raster draws as hundreds
     * of anti-aliased dashes per line: half of a chart PNG's drawing time (bench/dashboard.sh), for a line that is
     * meant to be barely seen.
     */
    public static final Color GRID = new Color(0xE6, 0xE6, 0xE6);
    public static final BasicStroke GRID_STROKE = new BasicStroke(0.5f);
    public static final Color TEXT = new Color(0x22, 0x22, 0x22);
    public static final BasicStroke VALUE_STROKE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final BasicStroke TARGET_STROKE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {8f, 5f}, 0f);
    public static final String FONT_FAMILY = "DejaVu Sans";

    private ChartStyle() {
    }

    /** DejaVu Sans shipped with the application: the same glyphs on every machine, so that a snapshot is reproducible. */
    private static final Font PLAIN = load("DejaVuSans.ttf");
    private static final Font BOLD = load("DejaVuSans-Bold.ttf");

    public static Font font(int style, int size) {
        return ((style & Font.BOLD) != 0 ? BOLD : PLAIN).deriveFont((float) size);
    }

    /** The shipped font files, by the name Java2D gives their fonts (for PDF embedding). */
    public static java.util.Map<String, String> fontFiles() {
        return java.util.Map.of(PLAIN.getFontName(), "DejaVuSans.ttf", BOLD.getFontName(), "DejaVuSans-Bold.ttf");
    }

    public static java.io.InputStream fontFile(String file) {
        return ChartStyle.class.getResourceAsStream("/org/pilotage/analytics/fonts/" + file);
    }

    private static Font load(String file) {
        try (java.io.InputStream in = fontFile(file)) {
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing from the application");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (java.io.IOException | java.awt.FontFormatException e) {
            throw new IllegalStateException("The font " + file + " cannot be read", e);
        }
    }

    /**
     * Numbers as the locale writes them (French: {@code 1 234,5}), set explicitly so that the JVM's
     * default locale never decides. French grouping uses a plain no-break space, which every font has.
     */
    public static NumberFormat numberFormat(Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if ("fr".equals(locale.getLanguage())) {
            symbols.setGroupingSeparator('\u00A0');
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
        return format;
    }
}
