package org.gantutorial.plots;

import org.gantutorial.metrics.ScanCoverage;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;

/**
 * {@link ScanCoverage} as bars: each scan's share of the real slices beside the share of generated
 * slices nearest to it, in the colours of {@link ComparisonCharts} (grey real, green generated). A
 * green bar far shorter than its grey one is a scan the generator has dropped.
 */
public final class CoverageChart {
    private CoverageChart() {
    }

    public static CategoryChart of(ScanCoverage coverage) {
        CategoryChart chart = new CategoryChartBuilder().width(680).height(320).title("Which scans the generated slices resemble")
                .yAxisTitle("share of slices (%)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.addSeries("real slices of the scan", coverage.scans(), percent(coverage.realShares()))
                .setFillColor(new Color(120, 120, 120));
        chart.addSeries("generated slices nearest to it", coverage.scans(), percent(coverage.generatedShares()))
                .setFillColor(new Color(0, 130, 0));
        return chart;
    }

    private static List<Double> percent(double[] shares) {
        return Arrays.stream(shares).map(s -> 100 * s).boxed().toList();
    }
}
