package org.gantutorial.plots;

import org.gantutorial.history.Evaluation;
import org.gantutorial.history.History;
import org.gantutorial.history.Measure;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The charts every GAN run shows: losses, D's accuracy and outputs, and the run's measure (true error, SWD). */
public final class TrainingCharts {
    private TrainingCharts() {
    }

    /** D and G losses: the numbers the tutorial says tell little about image quality. */
    public static XYChart losses(History history) {
        XYChart chart = lineChart("Losses", "binary cross-entropy");
        double[] x = iterations(history);
        line(chart, "D loss", x, history.series(Evaluation::discriminatorLoss), Color.RED);
        line(chart, "G loss", x, history.series(Evaluation::generatorLoss), Color.BLUE);
        return chart;
    }

    /** How often D is right on real and on fake examples, with the tutorial's 10% / 90% bounds. */
    public static XYChart accuracy(History history) {
        XYChart chart = realAndFake("Discriminator accuracy", "fraction correct", history,
                "on real", Evaluation::accuracyOnReal, "on fake", Evaluation::accuracyOnFake);
        double[] x = iterations(history);
        if (x.length > 0) {
            double[] ends = {x[0], x[x.length - 1]};
            line(chart, "90%", ends, new double[] {0.9, 0.9}, Color.GRAY);
            line(chart, "10%", ends, new double[] {0.1, 0.1}, Color.GRAY);
        }
        return chart;
    }

    /**
     * The measure that knows the real data (true error, SWD), with a grey line at its floor when
     * that is above 0; on a log scale when it falls a hundredfold.
     */
    public static XYChart measure(Measure measure) {
        String name = measure.name();
        XYChart chart = lineChart(name, name + " (lower is better)");
        double[] x = measure.iterations();
        double[] y = measure.values();
        line(chart, name, x, y, new Color(0, 130, 0));
        if (measure.floor() > 0 && x.length > 0) {
            line(chart, "real vs real", new double[] {x[0], x[x.length - 1]}, new double[] {measure.floor(), measure.floor()}, Color.GRAY);
        }
        // XChart labels a log axis only at powers of ten: use it only where the values span two decades.
        var stats = java.util.Arrays.stream(y).summaryStatistics();
        boolean log = stats.getMin() > 0 && stats.getMax() > 100 * stats.getMin();
        chart.getStyler().setYAxisLogarithmic(log);
        if (!log) {
            chart.getStyler().setYAxisMin(0.0);
        }
        return chart;
    }

    /**
     * The last value of each run's measure as a bar, with a grey line at {@code target}: which runs
     * got there. {@code names} label the bars, in the order of {@code measures}.
     */
    public static CategoryChart lastValues(List<String> names, List<Measure> measures, double target) {
        String name = measures.isEmpty() ? "measure" : measures.get(0).name();
        CategoryChart chart = new CategoryChartBuilder().width(720).height(300).title(name + " at the end of each run")
                .yAxisTitle(name).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.addSeries(name, names, measures.stream().map(Measure::last).toList()).setFillColor(new Color(0, 130, 0));
        var line = chart.addSeries("target " + target, names, names.stream().map(n -> target).toList());
        line.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.GRAY);
        return chart;
    }

    /** D(x) and D(G(z)): D's mean output on real and on generated examples; 0.5 is "cannot tell". */
    public static XYChart discriminatorOutputs(History history) {
        return realAndFake("Discriminator outputs", "mean D output", history,
                "D(x)", Evaluation::realScore, "D(G(z))", Evaluation::fakeScore);
    }

    /** A chart of one measure on real (red) and on generated (blue) examples, from 0 to 1. */
    private static XYChart realAndFake(String title, String yTitle, History history,
                                       String realName, ToDoubleFunction<Evaluation> real,
                                       String fakeName, ToDoubleFunction<Evaluation> fake) {
        XYChart chart = lineChart(title, yTitle);
        double[] x = iterations(history);
        line(chart, realName, x, history.series(real), new Color(200, 60, 60));
        line(chart, fakeName, x, history.series(fake), new Color(60, 60, 200));
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        return chart;
    }

    private static XYChart lineChart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(460).height(300).title(title)
                .xAxisTitle("iteration").yAxisTitle(yTitle).build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color) {
        if (x.length == 0) {
            return;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE).setLineColor(color);
    }

    private static double[] iterations(History history) {
        return history.series(Evaluation::iteration);
    }
}
