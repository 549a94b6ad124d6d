package org.gantutorial.plots;

import org.gantutorial.patterns.BoundingBox;
import org.gantutorial.patterns.Pattern;
import org.gantutorial.history.Snapshot;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/** The tutorial's 1D pictures: the real pattern as red dots, the generator's points as blue dots. */
public final class PatternPlot {
    private static final Color REAL = new Color(220, 40, 40, 150);
    private static final Color GENERATED = new Color(30, 70, 220, 150);
    private static final int REAL_POINTS = 500;
    private static final long REAL_SEED = 7;

    private PatternPlot() {
    }

    /** The real pattern alone. */
    public static XYChart real(Pattern pattern) {
        XYChart chart = frame(pattern, pattern.name());
        dots(chart, "real", pattern.sample(REAL_POINTS, new Random(REAL_SEED)), REAL);
        return chart;
    }

    /** Real (red) and generated (blue) points at one iteration. */
    public static XYChart snapshot(Pattern pattern, Snapshot snapshot) {
        XYChart chart = real(pattern);
        chart.setTitle(pattern.name() + ", iteration " + snapshot.iteration());
        dots(chart, "generated", snapshot.points(), GENERATED);
        return chart;
    }

    /** Snapshots of a run side by side: the blue dots closing in on the red pattern. */
    public static BufferedImage snapshots(Pattern pattern, List<Snapshot> snapshots, int columns) {
        List<XYChart> charts = snapshots.stream().map(s -> snapshot(pattern, s)).toList();
        return ChartGrid.of(charts, columns);
    }

    private static XYChart frame(Pattern pattern, String title) {
        XYChart chart = new XYChartBuilder().width(300).height(260).title(title).xAxisTitle("x").yAxisTitle("y").build();
        var styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(false);
        styler.setLegendVisible(false);
        styler.setMarkerSize(4);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        // Fixed axes (the box plus a margin), so snapshots of one run compare at a glance.
        BoundingBox box = pattern.box();
        double mx = 0.15 * Math.max(box.width(), 1e-3);
        double my = 0.15 * Math.max(box.height(), 1e-3);
        styler.setXAxisMin(box.xMin() - mx);
        styler.setXAxisMax(box.xMax() + mx);
        styler.setYAxisMin(box.yMin() - my);
        styler.setYAxisMax(box.yMax() + my);
        return chart;
    }

    private static void dots(XYChart chart, String name, INDArray points, Color color) {
        double[] x = points.getColumn(0).toDoubleVector();
        double[] y = points.getColumn(1).toDoubleVector();
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color);
    }
}
