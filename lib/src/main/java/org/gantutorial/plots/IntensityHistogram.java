package org.gantutorial.plots;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The intensity histogram of a scan on a log scale (background dominates a head MR), with the
 * window that normalisation maps to [-1, 1] drawn as two vertical lines.
 */
public final class IntensityHistogram {
    private IntensityHistogram() {
    }

    public static XYChart of(String title, List<float[]> slices, int bins, float windowLow, float windowHigh) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] slice : slices) {
            for (float v : slice) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double width = Math.max(max - min, 1e-6) / bins;
        long[] counts = new long[bins];
        for (float[] slice : slices) {
            for (float v : slice) {
                counts[(int) Math.min(bins - 1, (v - min) / width)]++;
            }
        }
        var x = new ArrayList<Double>();
        var y = new ArrayList<Double>();
        long peak = 1;
        for (int b = 0; b < bins; b++) {
            if (counts[b] > 0) {
                // A log axis cannot show empty bins, so they are left out.
                x.add(min + (b + 0.5) * width);
                y.add((double) counts[b]);
                peak = Math.max(peak, counts[b]);
            }
        }
        XYChart chart = new XYChartBuilder().width(640).height(320).title(title)
                .xAxisTitle("intensity").yAxisTitle("voxels (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(true);
        XYSeries histogram = chart.addSeries("voxels", x, y);
        histogram.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        histogram.setMarker(SeriesMarkers.NONE);
        addLine(chart, "window low → -1", windowLow, peak, Color.BLUE);
        addLine(chart, "window high → +1", windowHigh, peak, Color.RED);
        return chart;
    }

    private static void addLine(XYChart chart, String name, double at, long peak, Color color) {
        XYSeries line = chart.addSeries(name, new double[] {at, at}, new double[] {1, peak});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(color);
    }
}
