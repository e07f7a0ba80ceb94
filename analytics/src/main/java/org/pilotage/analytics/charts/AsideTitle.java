package org.pilotage.analytics.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.title.TextTitle;

/**
 * A line of text above or below a chart (its title, a snapshot's provenance) that a PNG draws on the other core
 * while the chart's plot is drawn ({@link ChartEncoder#drawAside}): laid out first, it owns its rows, and nothing
 * drawn after it reaches them. Anywhere else (SVG, PDF) it is an ordinary {@link TextTitle}.
 */
public final class AsideTitle extends TextTitle {

    private static final long serialVersionUID = 1L;

    public AsideTitle(String text, Font font) {
        super(text, font);
    }

    @Override
    public Object draw(Graphics2D g2, Rectangle2D area, Object params) {
        Rectangle2D own = (Rectangle2D) area.clone();
        if (ChartEncoder.drawAside(g2, copy -> super.draw(copy, own, null))) {
            return null; // no entities: a chart drawn for its pixels collects none
        }
        return super.draw(g2, area, params);
    }
}
