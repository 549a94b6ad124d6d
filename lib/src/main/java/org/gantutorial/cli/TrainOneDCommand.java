package org.gantutorial.cli;

import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.patterns.Pattern;
import org.gantutorial.patterns.Patterns;
import org.gantutorial.plots.PatternPlot;
import org.gantutorial.plots.TrainingCharts;
import org.gantutorial.training.Gan1dRun;
import org.gantutorial.training.Gan1dTrainer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ./gan train-1d --pattern NAME [--iterations N] [--seed S] [--out DIR]}: trains the
 * reference 1D GAN on one built-in pattern, writes the snapshot grid and the curves as PNGs,
 * and ends with {@code true-error: VALUE}.
 */
final class TrainOneDCommand implements Command {
    @Override
    public String name() {
        return "train-1d";
    }

    @Override
    public String summary() {
        return "train the 1D GAN on one pattern: --pattern NAME [--iterations N] [--seed S] [--out DIR]";
    }

    @Override
    public int run(Args args) throws IOException {
        Gan1dConfig defaults = Gan1dConfig.defaults();
        String name = args.string("pattern", null);
        int iterations = args.positiveInteger("iterations", defaults.iterations());
        long seed = args.longValue("seed", defaults.seed());
        Path out = Path.of(args.string("out", "build/train-1d"));
        args.rejectUnknown();
        if (name == null) {
            throw new UsageException("--pattern is required; choose one of " + Patterns.names());
        }
        Pattern pattern;
        try {
            pattern = Patterns.named(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--pattern: " + e.getMessage());
        }

        Gan1dRun run = new Gan1dTrainer(pattern, defaults.withIterations(iterations).withSeed(seed)).train();

        Files.createDirectories(out);
        ImageIO.write(PatternPlot.snapshots(run, 3), "png", out.resolve(pattern.name() + "-snapshots.png").toFile());
        Map<String, XYChart> curves = Map.of(
                "losses", TrainingCharts.losses(run.history()),
                "accuracy", TrainingCharts.accuracy(run.history()),
                "true-error", TrainingCharts.quality(run.history(), "true error"));
        for (var curve : curves.entrySet()) {
            BitmapEncoder.saveBitmap(curve.getValue(), out.resolve(pattern.name() + "-" + curve.getKey() + ".png")
                    .toString(), BitmapEncoder.BitmapFormat.PNG);
        }
        System.out.printf("pictures in %s (%.1f s of training)%n", out, run.seconds());
        System.out.printf("true-error: %.4f%n", run.trueError());
        return 0;
    }
}
