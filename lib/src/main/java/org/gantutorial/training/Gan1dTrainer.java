package org.gantutorial.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.metrics.TrueError;
import org.gantutorial.models.Discriminator1d;
import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.models.Generator1d;
import org.gantutorial.notebook.Kernel;
import org.gantutorial.notebook.LiveView;
import org.gantutorial.patterns.Pattern;
import org.gantutorial.plots.PatternPlot;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains the 1D GAN on one pattern (the tutorial's cell 4): each iteration is a {@link GanStep};
 * every so often it measures D's accuracy and the true error, shows progress in place, and keeps
 * snapshots of the generated points. The networks work in training coordinates (the bounding box scaled to about [-3, 3]);
 * points are mapped back to the pattern's units for the error and the plots.
 */
public final class Gan1dTrainer {
    /** Points for the true error and for D's accuracy: enough for a steady number, few enough to be quick. */
    static final int EVALUATION_POINTS = 1_000;
    private static final int SNAPSHOT_POINTS = 500;
    /** Offsets of the run's random streams from the config seed, so they never coincide. */
    private static final long DATA_STREAM = 1, EVALUATION_STREAM = 2, RESTART_SEED_STEP = 1_000;
    /**
     * The last quarter of a run uses a tenth of the learning rates. At full rate the generated points
     * keep jittering around the curve (true error swinging between about 0.015 and 0.045 from one
     * evaluation to the next); the smaller steps let them settle, so the final error is the one reached.
     */
    private static final double SETTLE_AT = 0.75, SETTLE_FACTOR = 0.1;

    private final Pattern pattern;
    private final Gan1dConfig config;
    private int evaluations = 50;
    private int snapshots = 6;
    private int restartsOnStall;
    private int stallPatience = 10;
    private boolean showProgress = true;
    private boolean trainGenerator = true;

    public Gan1dTrainer(Pattern pattern, Gan1dConfig config) {
        this.pattern = pattern;
        this.config = config;
        CpuThreads.forTinyNetworks();
    }

    /** How many times to measure during training (default 50). */
    public Gan1dTrainer evaluations(int count) {
        evaluations = Math.max(1, count);
        return this;
    }

    /** How many snapshots of the generated points to keep, from iteration 0 to the last (default 6). */
    public Gan1dTrainer snapshots(int count) {
        snapshots = Math.max(2, count);
        return this;
    }

    /**
     * When D's accuracy stays outside 10%-90% for {@code patience} evaluations in a row, start again
     * with a new seed, at most {@code restarts} times (default: never, only warn).
     */
    public Gan1dTrainer restartOnStall(int restarts, int patience) {
        restartsOnStall = restarts;
        stallPatience = patience;
        return this;
    }

    /** Turns the in-place progress line (and, in a notebook, the live chart) on or off. */
    public Gan1dTrainer showProgress(boolean show) {
        showProgress = show;
        return this;
    }

    /** For the tutorial's control experiment: with {@code false} only D learns, and G stays as it started. */
    public Gan1dTrainer trainGenerator(boolean train) {
        trainGenerator = train;
        return this;
    }

    public Gan1dRun train() {
        long started = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        Gan1dConfig attempt = config;
        for (int restart = 0; ; restart++) {
            boolean mayRestart = restart < restartsOnStall;
            var outcome = trainOnce(attempt, warnings, mayRestart);
            boolean retry = outcome.stalled && mayRestart;
            if (!retry) {
                return new Gan1dRun(pattern, attempt, outcome.generator, outcome.discriminator, outcome.history,
                        outcome.snapshots, List.copyOf(warnings), restart, (System.nanoTime() - started) / 1e9);
            }
            attempt = attempt.withSeed(attempt.seed() + RESTART_SEED_STEP);
            note(warnings, "Restarting " + pattern.name() + " with seed " + attempt.seed() + ".");
        }
    }

    private record Outcome(MultiLayerNetwork generator, MultiLayerNetwork discriminator, History history,
                           List<Gan1dRun.Snapshot> snapshots, boolean stalled) {
    }

    /** One attempt; with {@code mayRestart} it gives up as soon as the health monitor warns. */
    private Outcome trainOnce(Gan1dConfig run, List<String> warnings, boolean mayRestart) {
        MultiLayerNetwork generator = Generator1d.build(run);
        MultiLayerNetwork discriminator = Discriminator1d.build(run);
        var step = new GanStep(generator, discriminator);
        var data = new Random(run.seed() + DATA_STREAM);
        var fixed = new Random(run.seed() + EVALUATION_STREAM);
        INDArray realForEvaluation = pattern.sampleForTraining(EVALUATION_POINTS, fixed);
        INDArray noiseForEvaluation = noise(EVALUATION_POINTS, run, fixed);
        INDArray noiseForSnapshots = noiseForEvaluation.get(NDArrayIndex.interval(0, SNAPSHOT_POINTS), NDArrayIndex.all());

        var history = new History();
        var health = new HealthMonitor(0.10, 0.90, stallPatience);
        List<Gan1dRun.Snapshot> shots = new ArrayList<>();
        var progress = new Progress(run.iterations());
        int evaluateEvery = Math.max(1, run.iterations() / evaluations);
        int half = run.batchSize() / 2;
        int settleIteration = (int) (SETTLE_AT * run.iterations()) + 1;
        double dLoss = 0, gLoss = 0;
        int since = 0;
        boolean stalled = false;

        shots.add(snapshot(0, generator, noiseForSnapshots));
        for (int iteration = 1; iteration <= run.iterations(); iteration++) {
            if (Thread.interrupted()) {
                note(warnings, "Stopped at iteration " + iteration + " (interrupted).");
                break;
            }
            if (iteration == settleIteration) {
                generator.setLearningRate(run.generatorLearningRate() * SETTLE_FACTOR);
                discriminator.setLearningRate(run.discriminatorLearningRate() * SETTLE_FACTOR);
            }
            INDArray real = pattern.sampleForTraining(half, data);
            INDArray noiseForD = noise(half, run, data);
            INDArray noiseForG = noise(run.batchSize(), run, data);
            if (trainGenerator) {
                var losses = step.step(real, noiseForD, noiseForG);
                dLoss += losses.discriminator();
                gLoss += losses.generator();
            } else {
                dLoss += step.trainDiscriminator(real, noiseForD).discriminator();
            }
            since++;
            if (iteration % evaluateEvery == 0 || iteration == run.iterations()) {
                var evaluation = evaluate(iteration, discriminator, generator, realForEvaluation, noiseForEvaluation,
                        dLoss / since, gLoss / since);
                history.add(evaluation);
                dLoss = 0;
                gLoss = 0;
                since = 0;
                var warning = health.check(evaluation);
                if (warning.isPresent() && !stalled) {
                    note(warnings, warning.get());
                    stalled = true;
                    if (mayRestart) {
                        break;
                    }
                }
                progress.show(evaluation, generator, noiseForSnapshots);
            }
            if (isSnapshotIteration(iteration, run.iterations())) {
                shots.add(snapshot(iteration, generator, noiseForSnapshots));
            }
        }
        progress.finish();
        return new Outcome(generator, discriminator, history, shots, stalled);
    }

    private boolean isSnapshotIteration(int iteration, int total) {
        for (int k = 1; k < snapshots; k++) {
            if (iteration == (int) ((long) total * k / (snapshots - 1))) {
                return true;
            }
        }
        return false;
    }

    private Evaluation evaluate(int iteration, MultiLayerNetwork discriminator, MultiLayerNetwork generator,
                                INDArray real, INDArray noise, double dLoss, double gLoss) {
        INDArray fake = generator.output(noise, false);
        double onReal = discriminator.output(real, false).gt(0.5).castTo(real.dataType()).meanNumber().doubleValue();
        double onFake = discriminator.output(fake, false).lte(0.5).castTo(real.dataType()).meanNumber().doubleValue();
        double error = TrueError.of(pattern.fromTraining(fake), pattern.fromTraining(real.dup()), pattern.box());
        return new Evaluation(iteration, dLoss, gLoss, onReal, onFake, error);
    }

    private Gan1dRun.Snapshot snapshot(int iteration, MultiLayerNetwork generator, INDArray noise) {
        return new Gan1dRun.Snapshot(iteration, pattern.fromTraining(generator.output(noise, false)));
    }

    private static INDArray noise(int rows, Gan1dConfig config, Random random) {
        return config.latent().sample(rows, config.latentSize(), random);
    }

    private void note(List<String> warnings, String message) {
        warnings.add(message);
        if (showProgress) {
            System.out.println(message);
        }
    }

    /** The in-place progress line and, in a notebook, a live picture of the generated points. */
    private final class Progress {
        private static final int BAR = 30;
        private final int total;
        private final LiveView line;
        private final LiveView picture;

        Progress(int total) {
            this.total = total;
            line = showProgress ? LiveView.create() : null;
            picture = showProgress && Kernel.active() ? LiveView.create() : null;
        }

        void show(Evaluation e, MultiLayerNetwork generator, INDArray noise) {
            if (line == null) {
                return;
            }
            int filled = (int) ((long) BAR * e.iteration() / total);
            line.show(String.format("%-9s [%s%s] %6d/%d  true error %.4f  D right on real %3.0f%%, on fake %3.0f%%",
                    pattern.name(), "#".repeat(filled), ".".repeat(BAR - filled), e.iteration(), total,
                    e.quality(), 100 * e.accuracyOnReal(), 100 * e.accuracyOnFake()));
            if (picture != null) {
                picture.show(PatternPlot.snapshot(pattern, snapshot(e.iteration(), generator, noise)));
            }
        }

        void finish() {
            if (line != null) {
                line.finish();
            }
        }
    }
}
