package org.pilotage.analytics.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.notes.IndicatorComment;
import org.pilotage.analytics.series.MonthlyValue;

/**
 * Draws the chart of one effect level: one panel per indicator over a shared month axis, the
 * measured value as a solid line and the target as a dashed line. Months without data leave a
 * gap rather than a line drawn across them.
 */
public final class EffectChartRenderer {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /**
     * @param title      drawn above the chart, or null for none
     * @param indicators the panels, in order
     * @param series     values per indicator code
     */
    public JFreeChart render(String title, List<Indicator> indicators, Map<String, List<MonthlyValue>> series,
                             YearMonth from, YearMonth to, ChartLabels labels) {
        return render(title, indicators, series, from, to, labels, Map.of());
    }

    /**
     * @param comments comments per indicator code, drawn as a labelled vertical marker on their month
     */
    public JFreeChart render(String title, List<Indicator> indicators, Map<String, List<MonthlyValue>> series,
                             YearMonth from, YearMonth to, ChartLabels labels, Map<String, List<IndicatorComment>> comments) {
        DateAxis months = new DateAxis(null, UTC, labels.locale());
        months.setDateFormatOverride(monthFormat(labels));
        months.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, tickStep(from, to)));
        java.util.Calendar utc = java.util.Calendar.getInstance(UTC, labels.locale());
        months.setRange(new Month(from.getMonthValue(), from.getYear()).getFirstMillisecond(utc) - 5 * 86_400_000L,
                new Month(to.getMonthValue(), to.getYear()).getFirstMillisecond(utc) + 5 * 86_400_000L);
        months.setTickLabelFont(ChartStyle.font(Font.PLAIN, 13));
        months.setTickLabelPaint(ChartStyle.TEXT);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(months);
        plot.setGap(14);
        for (Indicator indicator : indicators) {
            XYPlot panel = panel(indicator, series.getOrDefault(indicator.code(), List.of()), from, to, labels);
            for (IndicatorComment comment : comments.getOrDefault(indicator.code(), List.of())) {
                if (!comment.period().isBefore(from) && !comment.period().isAfter(to)) {
                    panel.addDomainMarker(commentMarker(comment, labels), Layer.FOREGROUND);
                }
            }
            plot.add(panel, 1);
        }
        boolean commented = indicators.stream().flatMap(i -> comments.getOrDefault(i.code(), List.of()).stream())
                .anyMatch(c -> !c.period().isBefore(from) && !c.period().isAfter(to));
        plot.setFixedLegendItems(legend(labels, commented));

        JFreeChart chart = new JFreeChart(null, ChartStyle.font(Font.BOLD, 18), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 8, 4, 28)); // room for the last month's label
        if (title != null) {
            TextTitle t = new TextTitle(title, ChartStyle.font(Font.BOLD, 18));
            t.setPaint(ChartStyle.TEXT);
            t.setHorizontalAlignment(HorizontalAlignment.LEFT);
            chart.setTitle(t);
        }
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(ChartStyle.font(Font.PLAIN, 13));
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        chart.addLegend(legend);
        return chart;
    }

    private XYPlot panel(Indicator indicator, List<MonthlyValue> values, YearMonth from, YearMonth to, ChartLabels labels) {
        Map<YearMonth, MonthlyValue> byMonth = new HashMap<>();
        values.forEach(v -> byMonth.put(v.period(), v));
        TimeSeries value = new TimeSeries(labels.get("charts.value"));
        TimeSeries target = new TimeSeries(labels.get("charts.target"));
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Month month = new Month(m.getMonthValue(), m.getYear());
            MonthlyValue v = byMonth.get(m);
            value.add(month, v == null ? null : v.value());
            target.add(month, v == null || v.target() == null ? null : v.target());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(UTC);
        data.addSeries(value);
        data.addSeries(target);

        NumberAxis axis = new NumberAxis(labels.unit(indicator.unit()));
        axis.setNumberFormatOverride(ChartStyle.numberFormat(labels.locale()));
        axis.setAutoRangeIncludesZero(true);
        axis.setLabelFont(ChartStyle.font(Font.PLAIN, 12));
        axis.setTickLabelFont(ChartStyle.font(Font.PLAIN, 12));
        axis.setUpperMargin(0.35); // room for the panel's title

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        // Each line stroked once as one path (a month without data breaks it), not once per month with two round caps:
        // a month's segment and its caps were a third of a chart's drawing time at 2x.
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesPaint(0, ChartStyle.VALUE);
        renderer.setSeriesStroke(0, ChartStyle.VALUE_STROKE);
        // The marker filled to the size its one-unit outline gave it: one shape drawn per month instead of two.
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        renderer.setDrawOutlines(false);
        renderer.setSeriesPaint(1, ChartStyle.TARGET);
        renderer.setSeriesStroke(1, ChartStyle.TARGET_STROKE);
        renderer.setSeriesShapesVisible(1, false);

        XYPlot panel = new Panel(data, axis, renderer);
        panel.setBackgroundPaint(null); // the chart's white shows through: one fill, not one per panel
        panel.setDomainGridlinePaint(ChartStyle.GRID);
        panel.setDomainGridlineStroke(ChartStyle.GRID_STROKE);
        panel.setRangeGridlinePaint(ChartStyle.GRID);
        panel.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        panel.setOutlineVisible(false);
        panel.setAxisOffset(new RectangleInsets(2, 2, 2, 2));

        TextTitle name = new TextTitle(indicator.label(labels.locale()), ChartStyle.font(Font.BOLD, 14));
        name.setPaint(ChartStyle.TEXT);
        name.setBackgroundPaint(new Color(255, 255, 255, 220));
        name.setMaximumLinesToDisplay(2);
        XYTitleAnnotation annotation = new XYTitleAnnotation(0.005, 0.99, name, RectangleAnchor.TOP_LEFT);
        annotation.setMaxWidth(0.95);
        panel.addAnnotation(annotation);
        return panel;
    }

    /**
     * One indicator's panel, which says once drawn that the rows above its bottom are done: nothing drawn after it
     * (the panels below, the shared month axis) reaches above it, and the titles are drawn before the plot. A PNG then
     * deflates those rows while the panels below are drawn ({@link ChartEncoder#drawnAbove}).
     */
    private static final class Panel extends XYPlot {
        private static final long serialVersionUID = 1L;

        Panel(TimeSeriesCollection data, NumberAxis axis, XYLineAndShapeRenderer renderer) {
            super(data, null, axis, renderer);
        }

        @Override
        public void draw(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D area, java.awt.geom.Point2D anchor,
                         org.jfree.chart.plot.PlotState parentState, org.jfree.chart.plot.PlotRenderingInfo info) {
            // The upper half of the panels is drawn on the other core while this one draws the lower half: a panel
            // reads the shared month axis and its state, and writes only its own rows and objects.
            if (info == null && getParent() instanceof CombinedDomainXYPlot parent
                    && parent.getSubplots().indexOf(this) < parent.getSubplots().size() / 2) {
                java.awt.geom.Rectangle2D own = (java.awt.geom.Rectangle2D) area.clone();
                if (ChartEncoder.drawAside(g2, copy -> super.draw(copy, own, anchor, parentState, null))) {
                    return;
                }
            }
            super.draw(g2, area, anchor, parentState, info);
            ChartEncoder.drawnAbove(g2, area.getMaxY());
        }
    }

    /** A comment as a labelled vertical marker on its month (shared by every chart that shows comments). */
    static ValueMarker commentMarker(IndicatorComment comment, ChartLabels labels) {
        java.util.Calendar utc = java.util.Calendar.getInstance(UTC, labels.locale());
        Month month = new Month(comment.period().getMonthValue(), comment.period().getYear());
        ValueMarker marker = new ValueMarker(month.getFirstMillisecond(utc), ChartStyle.COMMENT, ChartStyle.COMMENT_STROKE);
        String text = comment.text().strip();
        marker.setLabel(text.length() > 32 ? text.substring(0, 31) + "…" : text);
        marker.setLabelFont(ChartStyle.font(Font.PLAIN, 11));
        marker.setLabelPaint(ChartStyle.COMMENT);
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        return marker;
    }

    private static LegendItemCollection legend(ChartLabels labels, boolean withComments) {
        LegendItemCollection items = new LegendItemCollection();
        LegendItem value = new LegendItem(labels.get("charts.value"), ChartStyle.VALUE);
        value.setLine(new java.awt.geom.Line2D.Double(-12, 0, 12, 0));
        value.setLineStroke(ChartStyle.VALUE_STROKE);
        value.setLinePaint(ChartStyle.VALUE);
        value.setShapeVisible(false);
        value.setLineVisible(true);
        LegendItem target = new LegendItem(labels.get("charts.target"), ChartStyle.TARGET);
        target.setLine(new java.awt.geom.Line2D.Double(-12, 0, 12, 0));
        target.setLineStroke(ChartStyle.TARGET_STROKE);
        target.setLinePaint(ChartStyle.TARGET);
        target.setShapeVisible(false);
        target.setLineVisible(true);
        items.add(value);
        items.add(target);
        if (withComments) {
            LegendItem comment = new LegendItem(labels.get("charts.comment"), ChartStyle.COMMENT);
            comment.setLine(new java.awt.geom.Line2D.Double(0, -7, 0, 7));
            comment.setLineStroke(ChartStyle.COMMENT_STROKE);
            comment.setLinePaint(ChartStyle.COMMENT);
            comment.setShapeVisible(false);
            comment.setLineVisible(true);
            items.add(comment);
        }
        return items;
    }

    private static SimpleDateFormat monthFormat(ChartLabels labels) {
        SimpleDateFormat format = new SimpleDateFormat("MMM yyyy", labels.locale());
        format.setTimeZone(UTC);
        return format;
    }

    private static int tickStep(YearMonth from, YearMonth to) {
        long months = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        return months <= 13 ? 1 : months <= 26 ? 2 : 3;
    }
}
