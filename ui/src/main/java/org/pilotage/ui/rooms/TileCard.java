package org.pilotage.ui.rooms;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.pilotage.analytics.catalogue.IndicatorUnit;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.status.Status;
import org.pilotage.analytics.status.Trend;
import org.pilotage.ui.base.Formats;

/**
 * One indicator's tile: value and unit, target and commitment, status (icon, word and colour, never
 * colour alone), trends against the previous period and a year earlier, a sparkline and freshness.
 */
public class TileCard extends Div {

    public TileCard(IndicatorTile tile, Locale locale, Runnable open) {
        Formats f = new Formats(locale);
        IndicatorUnit unit = tile.indicator().unit();
        addClassNames("tile", "status-" + tile.status().code());
        getElement().setAttribute("data-indicator", tile.indicator().code());
        getElement().setAttribute("data-status", tile.status().code());

        Span name = new Span(tile.indicator().label(locale));
        name.addClassName("tile-name");
        Span value = new Span(f.value(tile.value(), unit));
        value.addClassName("tile-value");

        Span status = new Span(icon(tile.status()) + " " + getTranslation("status." + tile.status().code()));
        status.addClassName("tile-status");

        Div target = new Div();
        target.addClassName("tile-target");
        target.setText(tile.target() == null ? getTranslation("tile.no-target")
                : getTranslation("tile.target", f.value(tile.target(), unit), f.value(tile.commitment(), unit)));

        Div trends = new Div(trend(tile.vsPrevious(), unit, f, "tile.vs-previous", "tile-trend-previous"),
                trend(tile.vsYearEarlier(), unit, f, "tile.vs-year", "tile-trend-year"));
        trends.addClassName("tile-trends");

        Svg spark = new Svg(sparkline(tile.sparkline(), getTranslation("tile.sparkline", tile.indicator().label(locale))));
        spark.addClassName("tile-sparkline");

        Div freshness = new Div();
        freshness.addClassName("tile-freshness");
        freshness.setText(tile.lastMonthWithData() == null ? getTranslation("tile.never")
                : getTranslation("tile.freshness", f.month(tile.lastMonthWithData()), f.date(tile.loadedAt())));

        add(name, value, status, target, trends, spark, freshness);
        if (open != null) {
            addClassName("tile-clickable");
            getElement().setAttribute("role", "link");
            getElement().setAttribute("tabindex", "0");
            getElement().setAttribute("title", getTranslation("tile.open"));
            addClickListener(e -> open.run());
            getElement().addEventListener("keydown", e -> open.run()).setFilter("event.key === 'Enter'");
        }
    }

    /** A control on a red or amber tile that sends the indicator up to the parent room (the tile itself still opens). */
    public TileCard escalatable(Runnable escalate) {
        Span up = new Span("↑ " + getTranslation("escalation.escalate"));
        up.addClassName("tile-escalate");
        up.getElement().setAttribute("role", "button");
        up.getElement().setAttribute("tabindex", "0");
        up.getElement().addEventListener("click", e -> escalate.run()).stopPropagation();
        up.getElement().addEventListener("keydown", e -> escalate.run()).setFilter("event.key === 'Enter'").stopPropagation();
        add(up);
        return this;
    }

    /** Says that the indicator of this period was sent up and where it stands, instead of offering to send it again. */
    public TileCard escalated(String text) {
        Span up = new Span("↑ " + text);
        up.addClassName("tile-escalated");
        add(up);
        return this;
    }

    private Span trend(Trend trend, IndicatorUnit unit, Formats f, String key, String className) {
        Span s = new Span();
        s.addClassName(className);
        if (trend == null) {
            s.setText("— " + getTranslation(key, getTranslation("tile.no-comparison")));
            s.addClassName("trend-none");
            return s;
        }
        String arrow = switch (trend.direction()) {
            case UP -> "↑";
            case DOWN -> "↓";
            case FLAT -> "→";
        };
        s.setText(arrow + " " + getTranslation(key, f.change(trend.change(), unit)));
        s.addClassName(trend.direction() == Trend.Direction.FLAT ? "trend-flat" : trend.improving() ? "trend-better" : "trend-worse");
        s.getElement().setAttribute("title", getTranslation(trend.direction() == Trend.Direction.FLAT ? "trend.flat"
                : trend.improving() ? "trend.better" : "trend.worse"));
        return s;
    }

    static String icon(Status status) {
        return switch (status) {
            case ON_TARGET -> "✔";
            case COMMITMENT_MET -> "▲";
            case BELOW_COMMITMENT -> "✖";
            case NO_TARGET -> "○";
            case NO_DATA -> "…";
        };
    }

    /** A 12-month sparkline as inline SVG; months without a value break the line. */
    static String sparkline(List<Double> values, String label) {
        int w = 120;
        int h = 32;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Double v : values) {
            if (v != null) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + w + " " + h
                + "' width='" + w + "' height='" + h + "' role='img'><title>" + escape(label) + "</title>");
        if (min != Double.MAX_VALUE) {
            double span = max - min == 0 ? 1 : max - min;
            double step = values.size() > 1 ? (w - 4.0) / (values.size() - 1) : 0;
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            double lastX = 0;
            double lastY = 0;
            for (int i = 0; i < values.size(); i++) {
                Double v = values.get(i);
                if (v == null) {
                    pen = false;
                    continue;
                }
                double x = 2 + i * step;
                double y = h - 3 - (v - min) / span * (h - 6);
                path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                pen = true;
                lastX = x;
                lastY = y;
            }
            svg.append("<path d='").append(path).append("' fill='none' stroke='#0072B2' stroke-width='2' stroke-linejoin='round'/>")
                    .append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='2.5' fill='#0072B2'/>", lastX, lastY));
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
