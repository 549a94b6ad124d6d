package org.gantutorial.plots;

import org.gantutorial.metrics.ImageQuality;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Notebook 08's bar charts: what the level-conditional GAN draws per level, and how restorations score. */
public final class ComparisonCharts {
    private static final Color REAL = new Color(120, 120, 120);
    private static final Color GENERATED = new Color(0, 130, 0);

    private ComparisonCharts() {
    }

    /**
     * The head's share of the slice per level, as boxes (quartiles, whiskers to the most extreme
     * value within 1.5 box lengths): the real slices of each level beside the slices G drew when
     * asked for that level.
     */
    public static BoxChart headAreas(List<String> levels, List<double[]> real, List<double[]> asked) {
        BoxChart chart = new BoxChartBuilder().width(760).height(340).title("Head area by level: real slices, and what G drew when asked")
                .yAxisTitle("share of the slice that is head").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setLegendVisible(false);
        for (int i = 0; i < levels.size(); i++) {
            chart.addSeries("real " + levels.get(i), real.get(i));
            chart.addSeries("G, " + levels.get(i), asked.get(i));
        }
        return chart;
    }

    /** Each level's SWD (generated against real) beside its floor (real against real). */
    public static CategoryChart swdPerLevel(List<String> levels, List<Double> swd, List<Double> floors) {
        CategoryChart chart = bars("SWD by level (x1000)", "lower is better");
        chart.addSeries("generated vs real", levels, swd).setFillColor(GENERATED);
        chart.addSeries("floor: real vs real", levels, floors).setFillColor(REAL);
        return chart;
    }

    /** PSNR, SSIM, sharpness and invented share of each version (input, restorations), four charts in a row. */
    public static BufferedImage restorations(List<String> versions, List<ImageQuality> scores) {
        return ChartGrid.of(List.of(
                score("PSNR (dB)", "higher: closer pixel by pixel", versions, scores, ImageQuality::psnr),
                score("SSIM", "higher: closer structure", versions, scores, ImageQuality::ssim),
                score("Sharpness", "1: as much fine detail as the truth", versions, scores, ImageQuality::sharpness),
                score("Invented (% of pixels)", "in neither input nor truth", versions, scores, q -> 100 * q.invented())), 4);
    }

    private static CategoryChart score(String title, String axis, List<String> versions, List<ImageQuality> scores,
                                       ToDoubleFunction<ImageQuality> value) {
        CategoryChart chart = new CategoryChartBuilder().width(300).height(280).title(title).yAxisTitle(axis).build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        List<Double> values = scores.stream().map(value::applyAsDouble).toList();
        chart.addSeries(title, versions, values).setFillColor(GENERATED);
        if (title.startsWith("PSNR")) {
            // Decibels differ by one or two between versions: an axis from 0 would hide that.
            chart.getStyler().setYAxisMin(Math.floor(values.stream().mapToDouble(Double::doubleValue).min().orElse(0)) - 1);
        }
        return chart;
    }

    private static CategoryChart bars(String title, String axis) {
        CategoryChart chart = new CategoryChartBuilder().width(560).height(320).title(title).yAxisTitle(axis).build();
        style(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return chart;
    }

    private static void style(CategoryChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setYAxisMin(0.0);
    }
}
