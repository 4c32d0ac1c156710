package fi.suoja.server.stats;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The statistics as SVG pictures, drawn with JFreeChart into JFreeSVG. A picture holds numbers,
 * times and the JDK's own weekday names in the reader's language, and no other words: its title,
 * caption and the table with the same numbers come from the desk, in the desk's language.
 * Colours keep a contrast of at least 7:1 between each text and what is under it.
 */
final class StatisticsCharts {

    static final int WIDTH = 960;
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color INK = new Color(0x111111);
    private static final Color BAR = new Color(0x0b3d91);
    private static final Color GRID = new Color(0x767676);
    /** Occupancy from empty to full, light to dark; the last four carry white numbers. */
    private static final double[] STEPS = {0, 10, 25, 40, 55, 70, 85};
    private static final Color[] SHADES = {new Color(0xf7fbff), new Color(0xdeebf7), new Color(0xc6dbef), new Color(0x9ecae1),
            new Color(0x2c6fb0), new Color(0x1f5a96), new Color(0x0b3d91)};
    private static final double WHITE_TEXT_FROM = 55;

    private StatisticsCharts() {
    }

    static String draw(StatisticsChart chart, Statistics statistics, Locale locale) {
        return switch (chart) {
            case OCCUPANCY -> occupancy(statistics, locale);
            case BOOKINGS -> perDay(statistics, locale, true);
            case LOANS -> perDay(statistics, locale, false);
            case WIPES -> wipes(statistics, locale);
        };
    }

    /** Weekdays down, hours of the day across, each cell shaded by its occupancy and showing it in per cent. */
    static String occupancy(Statistics statistics, Locale locale) {
        List<Statistics.WeekHour> open = statistics.weekHours().stream().filter(h -> h.openMinutes() > 0).toList();
        int first = open.stream().mapToInt(Statistics.WeekHour::hour).min().orElse(8);
        int last = open.stream().mapToInt(Statistics.WeekHour::hour).max().orElse(19);
        double[][] cells = new double[3][open.size()];
        NumberFormat percent = NumberFormat.getIntegerInstance(locale);
        XYPlot plot = new XYPlot();
        for (int i = 0; i < open.size(); i++) {
            Statistics.WeekHour cell = open.get(i);
            double value = cell.occupancyPercent() == null ? 0 : cell.occupancyPercent();
            cells[0][i] = cell.hour();
            cells[1][i] = cell.weekday().getValue() - 1;
            cells[2][i] = value;
            XYTextAnnotation label = new XYTextAnnotation(percent.format(Math.round(value)), cell.hour(), cell.weekday().getValue() - 1);
            label.setFont(SMALL);
            label.setPaint(value >= WHITE_TEXT_FROM ? Color.WHITE : INK);
            plot.addAnnotation(label);
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("occupancy", cells);
        plot.setDataset(data);

        String[] hours = new String[24];
        for (int hour = 0; hour < 24; hour++) {
            hours[hour] = String.format(Locale.ROOT, "%02d", hour);
        }
        SymbolAxis across = new SymbolAxis(null, hours);
        across.setRange(first - 0.5, last + 0.5);
        across.setGridBandsVisible(false);
        String[] days = new String[7];
        for (DayOfWeek day : DayOfWeek.values()) {
            days[day.getValue() - 1] = day.getDisplayName(TextStyle.SHORT, locale);
        }
        SymbolAxis down = new SymbolAxis(null, days);
        down.setInverted(true);
        down.setRange(-0.5, 6.5);
        down.setGridBandsVisible(false);
        for (SymbolAxis axis : List.of(across, down)) {
            axis.setTickLabelFont(TEXT);
            axis.setTickLabelPaint(INK);
            axis.setAxisLinePaint(INK);
        }
        plot.setDomainAxis(across);
        plot.setRangeAxis(down);

        LookupPaintScale scale = new LookupPaintScale(0, 100.0001, SHADES[0]);
        for (int i = 0; i < STEPS.length; i++) {
            scale.add(STEPS[i], SHADES[i]);
        }
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setPaintScale(scale);
        plot.setRenderer(blocks);
        // a closed hour is hatched grey, unlike an open one that nobody booked
        plot.setBackgroundPaint(new Color(0xd9d9d9));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(INK);
        return svg(new JFreeChart(null, TEXT, plot, false), WIDTH, 70 + 7 * 46);
    }

    /** Bookings or loans per day: bars with their numbers for up to a month, a line for longer ranges. */
    static String perDay(Statistics statistics, Locale locale, boolean bookings) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int days = statistics.perDay().size();
        DateTimeFormatter label = DateTimeFormatter.ofPattern(days > 62 ? "d.M.yy" : "d.M.", locale);
        for (Statistics.DayCounts day : statistics.perDay()) {
            data.addValue(bookings ? day.bookings() : day.loans(), "count", label.format(day.date()));
        }
        CategoryAxis dates = new CategoryAxis(null);
        NumberAxis counts = new NumberAxis(null);
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
        counts.setNumberFormatOverride(NumberFormat.getIntegerInstance(locale));
        CategoryPlot plot;
        if (days <= 31) {
            BarRenderer bars = new BarRenderer();
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, BAR);
            bars.setMaximumBarWidth(0.08);
            bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", NumberFormat.getIntegerInstance(locale)));
            bars.setDefaultItemLabelsVisible(true);
            bars.setDefaultItemLabelFont(SMALL);
            bars.setDefaultItemLabelPaint(INK);
            plot = new CategoryPlot(data, dates, counts, bars);
        } else {
            LineAndShapeRenderer line = new LineAndShapeRenderer(true, false);
            line.setSeriesPaint(0, BAR);
            line.setSeriesStroke(0, new BasicStroke(2.5f));
            plot = new CategoryPlot(data, dates, counts, line);
            // every label would be a blur: about a dozen are left, the rest made invisible
            int every = Math.max(1, days / 12);
            for (int i = 0; i < days; i++) {
                if (i % every != 0) {
                    dates.setTickLabelPaint(data.getColumnKey(i), new Color(0, 0, 0, 0));
                }
            }
        }
        if (days > 14) {
            dates.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        counts.setUpperMargin(0.15);
        style(plot, dates, counts);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return svg(new JFreeChart(null, TEXT, plot, false), WIDTH, 340);
    }

    /** Agent wipes by duration: a bar per bucket, from quick to slow, with its count. */
    static String wipes(Statistics statistics, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Statistics.WipeBucket> buckets = statistics.wipeDurations();
        for (int i = 0; i < buckets.size(); i++) {
            data.addValue(buckets.get(i).count(), "count", bucketLabel(buckets, i));
        }
        CategoryAxis durations = new CategoryAxis(null);
        NumberAxis counts = new NumberAxis(null);
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
        counts.setUpperMargin(0.15);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setMaximumBarWidth(0.1);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", NumberFormat.getIntegerInstance(locale)));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(SMALL);
        bars.setDefaultItemLabelPaint(INK);
        CategoryPlot plot = new CategoryPlot(data, durations, counts, bars);
        style(plot, durations, counts);
        return svg(new JFreeChart(null, TEXT, plot, false), WIDTH, 300);
    }

    /** "≤ 10 s", "≤ 2 min", "> 10 min": units the desk's languages share. */
    static String bucketLabel(List<Statistics.WipeBucket> buckets, int index) {
        Integer upTo = buckets.get(index).upToSeconds();
        if (upTo == null) {
            return "> " + duration(buckets.get(index - 1).upToSeconds());
        }
        return "≤ " + duration(upTo);
    }

    private static String duration(int seconds) {
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min";
    }

    private static void style(CategoryPlot plot, CategoryAxis across, NumberAxis up) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(INK);
        for (var axis : List.of(across, up)) {
            axis.setTickLabelFont(TEXT);
            axis.setTickLabelPaint(INK);
            axis.setAxisLinePaint(INK);
        }
    }

    private static String svg(JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(8, 8, 8, 16));
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        // no fixed size: the picture fills the width the page gives it
        return graphics.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
    }
}
