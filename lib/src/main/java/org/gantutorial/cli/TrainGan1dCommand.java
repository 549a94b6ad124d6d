package org.gantutorial.cli;

import org.gantutorial.Tutorial;
import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.patterns.Pattern;
import org.gantutorial.patterns.Patterns;
import org.gantutorial.plots.PatternPlot;
import org.gantutorial.plots.TrainingCharts;
import org.gantutorial.training.PatternSchedule;
import org.gantutorial.training.PatternTraining;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;

/**
 * {@code ./gan train-1d --pattern NAME}: notebook 04's loop on one built-in pattern with the
 * default config; writes the snapshots and the curves as PNGs and ends with {@code true-error: VALUE}.
 */
@Command(name = "train-1d", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the 1D GAN on one pattern; writes PNGs and ends with \"true-error: VALUE\".")
final class TrainGan1dCommand implements Callable<Integer> {
    private static final Gan1dConfig DEFAULTS = Gan1dConfig.defaults();

    @Spec
    private CommandSpec spec;

    @Option(names = "--pattern", required = true, paramLabel = "NAME",
            description = "sine, square, parabola, sawtooth or circle")
    private String pattern;

    @Option(names = "--iterations", paramLabel = "N", description = "training iterations (default: ${DEFAULT-VALUE})")
    private int iterations = DEFAULTS.iterations();

    @Option(names = "--seed", paramLabel = "S", description = "weights and batches (default: ${DEFAULT-VALUE})")
    private long seed = DEFAULTS.seed();

    @Option(names = "--out", paramLabel = "DIR", description = "where the pictures go (default: ${DEFAULT-VALUE})")
    private Path out = Path.of("build/train-1d");

    @Override
    public Integer call() throws Exception {
        Tutorial.setUp(Tutorial.Networks.SMALL);
        Options.atLeastOne(spec, "--iterations", iterations);
        Pattern chosen;
        try {
            chosen = Patterns.named(pattern);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--pattern: " + e.getMessage());
        }
        var schedule = PatternSchedule.defaults();
        var run = PatternTraining.train(chosen, DEFAULTS.withIterations(iterations).withSeed(seed), schedule, false);

        Files.createDirectories(out);
        ImageIO.write(PatternPlot.snapshots(chosen, run.snapshots(), schedule.snapshots()), "png", out.resolve(chosen.name() + "-snapshots.png").toFile());
        Map<String, XYChart> curves = Map.of(
                "losses", TrainingCharts.losses(run.history()),
                "accuracy", TrainingCharts.accuracy(run.history()),
                "true-error", TrainingCharts.measure(run.trueError()));
        for (var curve : curves.entrySet()) {
            BitmapEncoder.saveBitmap(curve.getValue(), out.resolve(chosen.name() + "-" + curve.getKey() + ".png").toString(),
                    BitmapEncoder.BitmapFormat.PNG);
        }
        System.out.printf("pictures in %s (%.1f s of training)%n", out, run.seconds());
        System.out.printf("true-error: %.4f%n", run.trueError().last());
        return 0;
    }
}
