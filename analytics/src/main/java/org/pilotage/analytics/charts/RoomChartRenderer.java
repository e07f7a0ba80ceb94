package org.pilotage.analytics.charts;

import java.awt.Color;
import java.awt.Font;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.catalogue.ProjectCategory;
import org.pilotage.analytics.notes.IndicatorComment;
import org.pilotage.analytics.series.CountPoint;
import org.pilotage.analytics.series.Point;

/** The room-wide charts: project counts by category over the months, and one indicator compared across directions. */
public final class RoomChartRenderer {

    /** Stacked bars: one bar per month, one layer per category, in the room's order of categories. */
    public JFreeChart projectCounts(List<CountPoint> counts, List<ProjectCategory> categories, YearMonth from, YearMonth to,
                                    ChartLabels labels) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", labels.locale());
        for (ProjectCategory c : categories) {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                data.addValue(null, labels.get("charts.category." + c.code()), month.format(m));
            }
        }
        for (CountPoint p : counts) {
            if (categories.contains(p.category()) && !p.period().isBefore(from) && !p.period().isAfter(to)) {
                data.setValue(p.count(), labels.get("charts.category." + p.category().code()), month.format(p.period()));
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.06);
        for (int i = 0; i < categories.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.CATEGORIES[categories.get(i).ordinal() % ChartStyle.CATEGORIES.length]);
        }
        CategoryPlot plot = categoryPlot(data, renderer, labels.get("charts.projects"), labels);
        // Month names stay whole: turned when there are more than six of them.
        plot.getDomainAxis().setCategoryLabelPositions(
                from.until(to, java.time.temporal.ChronoUnit.MONTHS) >= 6 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(3f);
        return chart(labels.get("charts.chart.project-counts"), plot, true);
    }

    /**
     * Bars of an indicator's value per direction for the period, beside its target (hatched bar),
     * with the values written on the bars.
     */
    public JFreeChart directions(Indicator indicator, Map<String, Double> values, Map<String, Double> targets, ChartLabels labels) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String direction : values.keySet()) {
            data.addValue(values.get(direction), labels.get("charts.value"), direction);
            data.addValue(targets.get(direction), labels.get("charts.target"), direction);
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        renderer.setItemMargin(0.05);
        renderer.setSeriesPaint(0, ChartStyle.VALUE);
        renderer.setSeriesPaint(1, new Color(0xF3, 0xC9, 0xA8));
        renderer.setSeriesOutlinePaint(1, ChartStyle.TARGET);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartStyle.numberFormat(labels.locale())));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.font(Font.PLAIN, 12));
        CategoryPlot plot = categoryPlot(data, renderer, labels.unit(indicator.unit()), labels);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        return chart(labels.get("charts.chart.directions", indicator.label(labels.locale())), plot, true);
    }

    /** One line per direction or project over the months, with the indicator's comments as markers. */
    public JFreeChart members(Indicator indicator, Map<String, TreeMap<YearMonth, Point>> members,
                              YearMonth from, YearMonth to, List<IndicatorComment> comments,
                              ChartLabels labels, String title) {
        java.util.TimeZone utc = java.util.TimeZone.getTimeZone("UTC");
        org.jfree.data.time.TimeSeriesCollection data = new org.jfree.data.time.TimeSeriesCollection(utc);
        members.forEach((member, points) -> {
            org.jfree.data.time.TimeSeries series = new org.jfree.data.time.TimeSeries(member);
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                var p = points.get(m);
                series.add(new org.jfree.data.time.Month(m.getMonthValue(), m.getYear()), p == null ? null : p.value());
            }
            data.addSeries(series);
        });
        org.jfree.chart.axis.DateAxis months = new org.jfree.chart.axis.DateAxis(null, utc, labels.locale());
        java.text.SimpleDateFormat format = new java.text.SimpleDateFormat("MMM yyyy", labels.locale());
        format.setTimeZone(utc);
        months.setDateFormatOverride(format);
        months.setTickLabelFont(ChartStyle.font(Font.PLAIN, 12));
        NumberAxis range = new NumberAxis(labels.unit(indicator.unit()));
        range.setNumberFormatOverride(ChartStyle.numberFormat(labels.locale()));
        range.setTickLabelFont(ChartStyle.font(Font.PLAIN, 12));
        range.setAutoRangeIncludesZero(true);
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true); // one stroke per member's line, as the effect charts
        Color[] palette = {ChartStyle.VALUE, new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7),
                new Color(0x56, 0xB4, 0xE9), new Color(0xD5, 0x5E, 0x00), new Color(0xF0, 0xE4, 0x42), Color.DARK_GRAY};
        for (int i = 0; i < members.size(); i++) {
            renderer.setSeriesPaint(i, palette[i % palette.length]);
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(2f));
        }
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(data, months, range, renderer);
        plot.setBackgroundPaint(null); // the chart's white shows through
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setOutlineVisible(false);
        for (var comment : comments) {
            plot.addDomainMarker(EffectChartRenderer.commentMarker(comment, labels), org.jfree.chart.ui.Layer.FOREGROUND);
        }
        JFreeChart chart = new JFreeChart(null, ChartStyle.font(Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 8, 4, 28));
        TextTitle t = new TextTitle(title + " — " + indicator.label(labels.locale()), ChartStyle.font(Font.BOLD, 16));
        t.setPaint(ChartStyle.TEXT);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(t);
        LegendTitle l = new LegendTitle(plot);
        l.setItemFont(ChartStyle.font(Font.PLAIN, 12));
        l.setPosition(RectangleEdge.BOTTOM);
        l.setFrame(BlockBorder.NONE);
        chart.addLegend(l);
        return chart;
    }

    private static CategoryPlot categoryPlot(DefaultCategoryDataset data, BarRenderer renderer, String rangeLabel, ChartLabels labels) {
        CategoryAxis domain = new CategoryAxis();
        domain.setTickLabelFont(ChartStyle.font(Font.PLAIN, 12));
        domain.setTickLabelPaint(ChartStyle.TEXT);
        domain.setCategoryMargin(0.2);
        NumberAxis range = new NumberAxis(rangeLabel);
        range.setNumberFormatOverride(ChartStyle.numberFormat(labels.locale()));
        range.setLabelFont(ChartStyle.font(Font.PLAIN, 12));
        range.setTickLabelFont(ChartStyle.font(Font.PLAIN, 12));
        range.setUpperMargin(0.12);
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(null); // the chart's white shows through
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static JFreeChart chart(String title, CategoryPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, ChartStyle.font(Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 8, 4, 8));
        TextTitle t = new TextTitle(title, ChartStyle.font(Font.BOLD, 16));
        t.setPaint(ChartStyle.TEXT);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(t);
        if (legend) {
            LegendTitle l = new LegendTitle(plot);
            l.setItemFont(ChartStyle.font(Font.PLAIN, 13));
            l.setPosition(RectangleEdge.TOP);
            l.setHorizontalAlignment(HorizontalAlignment.RIGHT);
            l.setFrame(BlockBorder.NONE);
            chart.addLegend(l);
        }
        return chart;
    }
}
