package org.gantutorial.plots;

import org.gantutorial.metrics.MemorisationCheck;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Pictures of the memorisation check: distance histograms and generated slices beside their nearest training twin. */
public final class MemorisationPictures {
    private static final int BINS = 24;

    private MemorisationPictures() {
    }

    /**
     * How far generated slices are from their nearest training slice, next to how far training
     * slices are from theirs. Generated bars far left of the real ones would mean copying.
     */
    public static CategoryChart distances(MemorisationCheck check) {
        double max = Math.max(Arrays.stream(check.distances()).max().orElse(1), Arrays.stream(check.realDistances()).max().orElse(1));
        double width = max / BINS;
        List<String> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(String.format("%.2f", (b + 0.5) * width));
        }
        CategoryChart chart = new CategoryChartBuilder().width(700).height(320)
                .title(String.format("Nearest-neighbour distances (near-copy below %.3f)", check.threshold()))
                .xAxisTitle("RMS pixel distance to the nearest training slice").yAxisTitle("fraction of slices").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.addSeries("training slice -> nearest other training slice", bins, histogram(check.realDistances(), width))
                .setFillColor(new Color(120, 120, 120, 140));
        chart.addSeries("generated slice -> nearest training slice", bins, histogram(check.distances(), width))
                .setFillColor(new Color(60, 60, 200, 160));
        return chart;
    }

    /**
     * Pairs of generated slice (left) and its nearest training slice (right): the near-copies
     * first, then the closest of the rest, up to {@code pairs} pairs.
     */
    public static BufferedImage nearestTwins(MemorisationCheck check, INDArray generated, INDArray training, int pairs) {
        double[] distances = check.distances();
        int[] order = IntStream.range(0, distances.length).boxed()
                .sorted((i, j) -> Double.compare(distances[i], distances[j])).mapToInt(Integer::intValue)
                .limit(Math.min(pairs, distances.length)).toArray();
        List<BufferedImage> columns = new ArrayList<>();
        int scale = Math.max(1, 64 / (int) generated.size(3));
        for (int i : order) {
            INDArray pair = Nd4j.concat(0, generated.get(NDArrayIndex.interval(i, i + 1)),
                    training.get(NDArrayIndex.interval(check.twins()[i], check.twins()[i] + 1)));
            boolean copy = distances[i] <= check.threshold();
            columns.add(ImageGrid.captioned(ImageGrid.of(pair, 2, scale),
                    String.format("%s d=%.3f", copy ? "COPY?" : "", distances[i]).trim()));
        }
        return ImageGrid.captioned(ImageGrid.row(columns.toArray(BufferedImage[]::new)),
                "each pair: generated (left), nearest training slice (right); closest pairs first");
    }

    private static List<Double> histogram(double[] values, double width) {
        double[] counts = new double[BINS];
        for (double v : values) {
            counts[Math.min(BINS - 1, (int) (v / width))] += 1.0 / values.length;
        }
        return Arrays.stream(counts).boxed().toList();
    }
}
