package org.gantutorial.cli;

import java.util.Random;
import org.gantutorial.history.Evaluation;
import org.gantutorial.history.Measure;
import org.gantutorial.metrics.MemorisationCheck;
import org.gantutorial.metrics.VisualTuringTest;
import org.gantutorial.plots.CoverageChart;
import org.gantutorial.plots.MemorisationPictures;
import org.gantutorial.plots.SyntheticImages;
import org.gantutorial.plots.TuringSheet;
import org.gantutorial.training.ImageEvaluation;
import org.gantutorial.training.ImageDashboard;
import org.gantutorial.training.ImageGan;
import org.gantutorial.training.SwdMeter;
import org.gantutorial.training.TrainingSlices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;

import javax.imageio.ImageIO;

/** What {@code ./gan train-mr} leaves in its output folder after training, and its last line of figures. */
final class Results {
    private static final int SAMPLES = 64;

    private Results() {
    }

    static void write(ImageGan gan, TrainingSlices slices, SwdMeter swdMeter, ImageDashboard dashboard, Path out) throws IOException {
        var average = gan.average();
        ImageIO.write(dashboard.realVersusGenerated(gan.iteration(), average), "png", out.resolve("real-vs-SYNTHETIC.png").toFile());
        dashboard.frames().writeGif(out.resolve(SyntheticImages.PREFIX + "training.gif"), 250);
        ImageIO.write(ImageDashboard.curves(gan.scoreboard()), "png", out.resolve("curves.png").toFile());
        writeCsv(gan.scoreboard().history().evaluations(), gan.scoreboard().measure(), out.resolve("metrics.csv"));
        var config = gan.config();
        var samples = average.sample(config.noise(SAMPLES, new Random(config.seed() + 1)), config.batchSize());
        SyntheticImages.writePngs(samples, out.resolve("samples"), "gan-sample");
        var memorisation = MemorisationCheck.run(samples, slices.images(), 500, config.seed());
        ImageIO.write(MemorisationPictures.nearestTwins(memorisation, samples, slices.images(), 8), "png",
                out.resolve("SYNTHETIC-nearest-training-twins.png").toFile());
        var generated = swdMeter.sample(average);
        var evaluation = ImageEvaluation.of(generated, slices, swdMeter);
        BitmapEncoder.saveBitmap(CoverageChart.of(evaluation.coverage()), out.resolve("coverage.png").toString(), BitmapEncoder.BitmapFormat.PNG);
        var turing = TuringSheet.write(VisualTuringTest.of(swdMeter.realSlices(), generated, config.seed()), out.resolve("turing-test"));
        evaluation.lines().forEach(System.out::println);
        System.out.println("visual Turing test for a class: " + turing.get(0));
        var swd = gan.scoreboard().measure();
        System.out.printf(Locale.ROOT, "swd: %.2f floor: %.2f near-copies: %s%n", swd.last(), swd.floor(), memorisation.summary());
    }

    /** One row per evaluation, with the SWD measured at that iteration. */
    private static void writeCsv(Iterable<Evaluation> evaluations, Measure swd, Path file) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("iteration,d_loss,g_loss,d_accuracy_real,d_accuracy_fake,d_of_x,d_of_g_z,swd");
        var values = new java.util.HashMap<Integer, Double>();
        swd.points().forEach(point -> values.put(point.iteration(), point.value()));
        for (Evaluation e : evaluations) {
            lines.add(String.format(Locale.ROOT, "%d,%.5f,%.5f,%.4f,%.4f,%.4f,%.4f,%.3f", e.iteration(), e.discriminatorLoss(),
                    e.generatorLoss(), e.accuracyOnReal(), e.accuracyOnFake(), e.realScore(), e.fakeScore(),
                    values.getOrDefault(e.iteration(), Double.NaN)));
        }
        Files.write(file, lines);
    }
}
