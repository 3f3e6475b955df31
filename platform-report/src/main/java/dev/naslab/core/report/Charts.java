package dev.naslab.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's plots, drawn by JFreeChart and written as inline SVG by JFreeSVG: self-contained,
 * sharp at any zoom, no script or network needed to show them.
 */
final class Charts {

    /** Colour-blind-safe palette (Okabe–Ito) for series; skip connections get the red. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0x56B4E9), new Color(0xCC79A7), new Color(0xF0E442), new Color(0x000000), new Color(0x999999)};
    static final Color SKIP = new Color(0xD55E00);

    private final AtomicInteger ids = new AtomicInteger();

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Test accuracy per variant: every seed a point, the mean with ± one sample std as a bar. */
    String testAccuracy(List<Comparison.Group> groups) {
        DefaultMultiValueCategoryDataset points = new DefaultMultiValueCategoryDataset();
        DefaultStatisticalCategoryDataset means = new DefaultStatisticalCategoryDataset();
        for (Comparison.Group g : groups) {
            List<Double> v = g.test.values().stream().filter(Double::isFinite).toList();
            points.add(new ArrayList<Number>(v), "seeds", g.name());
            double sd = Stats.sampleStd(v);
            means.add(Stats.mean(v), Double.isNaN(sd) ? 0 : sd, "mean ± std", g.name());
        }
        JFreeChart chart = ChartFactory.createLineChart(null, null, "test accuracy (%)", means,
                PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        StatisticalLineAndShapeRenderer meanRenderer = new StatisticalLineAndShapeRenderer(false, true);
        meanRenderer.setSeriesPaint(0, Color.BLACK);
        meanRenderer.setErrorIndicatorPaint(Color.BLACK);
        meanRenderer.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-1.5, -7, 3, 14));
        plot.setRenderer(0, meanRenderer);
        ScatterRenderer seedRenderer = new ScatterRenderer();
        seedRenderer.setSeriesPaint(0, PALETTE[0]);
        seedRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        seedRenderer.setUseSeriesOffset(false);
        plot.setDataset(1, points);
        plot.setRenderer(1, seedRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(false);
        return svg(chart, 860, 90 + 34 * groups.size());
    }

    /** One line per search trial of a per-epoch metric ({@code valid_acc}, {@code train_loss}, ...). */
    String curves(List<Curve> curves, String metric, String axisLabel) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.name(), false, true);
            for (JsonNode line : c.lines()) {
                JsonNode v = line.get(metric);
                if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
                    s.add(line.path("epoch").asInt(), v.asDouble());
                }
            }
            if (!s.isEmpty()) {
                data.addSeries(s);
            }
        }
        if (data.getSeriesCount() == 0) {
            return "";
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "epoch", axisLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(false);
        if (counts(data)) { // e.g. skip connections per cell: whole ticks, and a flat line not drawn at ±5e-9
            range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            range.setAutoRangeMinimumSize(2);
        }
        return svg(chart, 560, 340);
    }

    private static boolean counts(XYSeriesCollection data) {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            for (int k = 0; k < data.getItemCount(i); k++) {
                double y = data.getYValue(i, k);
                if (y != Math.rint(y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A trial's per-epoch lines under a name. */
    record Curve(String name, List<JsonNode> lines) {
    }

    /** softmax(α) of each op of one edge over the epochs; ops coloured consistently across edges. */
    String alphaEdge(String title, List<JsonNode> lines, String cell, int edge, List<String> ops,
            List<String> allOps) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Paint> paints = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            XYSeries s = new XYSeries(ops.get(k), false, true);
            for (JsonNode line : lines) {
                JsonNode p = line.path("alpha").path(cell).path(edge).path(k);
                if (p.isNumber()) {
                    s.add(line.path("epoch").asInt(), p.asDouble());
                }
            }
            data.addSeries(s);
            paints.add(opColor(ops.get(k), allOps));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, null, null, data, PlotOrientation.VERTICAL,
                false, false, false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < paints.size(); i++) {
            r.setSeriesPaint(i, paints.get(i));
            r.setSeriesStroke(i, new BasicStroke(ops.get(i).equals("skip_connect") ? 2.4f : 1.5f));
        }
        plot.setRenderer(r);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        // α often moves little in a short search: scale to the data, but never finer than 0.02
        y.setAutoRangeIncludesZero(false);
        y.setAutoRangeMinimumSize(0.02);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return svg(chart, 250, 170);
    }

    static Color opColor(String op, List<String> allOps) {
        if (op.equals("skip_connect")) {
            return SKIP;
        }
        List<String> others = allOps.stream().filter(o -> !o.equals("skip_connect")).toList();
        int i = Math.max(0, others.indexOf(op));
        return PALETTE[i % PALETTE.length];
    }

    /** Mean count of each op per selected cell, per variant; skip_connect in red. */
    String opMix(List<Comparison.Group> groups, String cellType, List<String> ops) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String op : ops) {
            for (Comparison.Group g : groups) {
                double m = g.meanCount(cellType, op);
                data.addValue(Double.isNaN(m) ? 0 : m, op, g.name());
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "edges per " + ReportTables.cellTitle(cellType) + " (mean over seeds)",
                data, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int i = 0; i < ops.size(); i++) {
            r.setSeriesPaint(i, opColor(ops.get(i), ops));
        }
        return svg(chart, 860, 110 + 30 * groups.size());
    }

    /** Mean seconds per phase (search, select, evaluate) per variant. */
    String timePerPhase(List<Comparison.Group> groups) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Comparison.Group g : groups) {
            data.addValue(zero(Stats.mean(new ArrayList<>(g.searchSeconds.values()))) / 60, "search", g.name());
            data.addValue(zero(Stats.mean(new ArrayList<>(g.selectSeconds.values()))) / 60, "select", g.name());
            data.addValue(zero(Stats.mean(new ArrayList<>(g.evalSeconds.values()))) / 60, "evaluate", g.name());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "minutes per seed (mean)", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        StackedBarRenderer r = (StackedBarRenderer) chart.getCategoryPlot().getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int i = 0; i < 3; i++) {
            r.setSeriesPaint(i, PALETTE[i]);
        }
        return svg(chart, 860, 110 + 30 * groups.size());
    }

    private static double zero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private String svg(JFreeChart chart, int w, int h) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getPlot() instanceof CategoryPlot cp) {
            cp.setBackgroundPaint(Color.WHITE);
            cp.setRangeGridlinePaint(new Color(0xDDDDDD));
            CategoryAxis axis = cp.getDomainAxis();
            axis.setMaximumCategoryLabelWidthRatio(0.45f);
        } else if (chart.getPlot() instanceof XYPlot xp) {
            xp.setBackgroundPaint(Color.WHITE);
            xp.setRangeGridlinePaint(new Color(0xDDDDDD));
            xp.setDomainGridlinePaint(new Color(0xDDDDDD));
        }
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        String id = "chart" + ids.incrementAndGet();
        g.setDefsKeyPrefix(id + "_");
        chart.draw(g, new Rectangle(0, 0, w, h));
        return g.getSVGElement(id, true, new ViewBox(0, 0, w, h), null, null);
    }

    static {
        // a plain theme: no gradients or shadows
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        ChartFactory.setChartTheme(theme);
    }
}
