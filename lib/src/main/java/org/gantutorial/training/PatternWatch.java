package org.gantutorial.training;

import org.gantutorial.history.Measure;
import org.gantutorial.history.Snapshot;
import org.gantutorial.history.Verdict;
import org.gantutorial.metrics.TrueError;
import org.gantutorial.models.Gan1dConfig;
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
 * The 1D training loop's helper: a {@link TrainingWatch} whose measure is the true error (the
 * generator's points against the known curve, on the same latent vectors every time), plus
 * snapshots of the generated points and, in a notebook, a live picture of them.
 */
public final class PatternWatch {
    /** Points for the true error: enough for a steady number, few enough to be quick. */
    static final int EVALUATION_POINTS = 1_000;
    private static final int SNAPSHOT_POINTS = 500;
    /** Evaluations in a row with D out of range before the stall warning: about a quarter of a run. */
    private static final int PATIENCE = 10;

    private final Pattern pattern;
    private final Gan1dConfig config;
    private final Generator generator;
    private final INDArray noise;
    private final int snapshotCount;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final TrainingWatch watch;
    private final long started = System.nanoTime();
    private LiveView picture;

    /**
     * @param evaluateEvery iterations between measurements
     * @param snapshots   how many snapshots of the generated points to keep, from iteration 0 to the last
     */
    public PatternWatch(Pattern pattern, Gan1dConfig config, Generator generator, int evaluateEvery, int snapshots) {
        this.pattern = pattern;
        this.config = config;
        this.generator = generator;
        this.snapshotCount = Math.max(2, snapshots);
        // Its own random stream, so measuring never changes the batches the loop draws.
        var fixed = new Random(config.seed() + 1);
        INDArray real = pattern.sample(EVALUATION_POINTS, fixed);
        noise = config.noise(EVALUATION_POINTS, fixed);
        var scoreboard = new Scoreboard(new Measure("true error", 0), PATIENCE);
        watch = new TrainingWatch(scoreboard, config.iterations(), evaluateEvery,
                () -> TrueError.of(points(noise), real, pattern.box()));
        picture = Kernel.active() ? LiveView.create() : null;
        this.snapshots.add(snapshot(0));
    }

    /** The same helper without progress line, live picture or printed warnings. */
    public PatternWatch quiet() {
        watch.quiet();
        picture = null;
        return this;
    }

    public void add(Verdict verdict) {
        watch.add(verdict);
    }

    public boolean keepGoing() {
        return watch.keepGoing();
    }

    /** Ends an iteration: measures when due (and redraws the live picture), keeps a snapshot when due. */
    public void after(int iteration) {
        if (watch.after(iteration) && picture != null) {
            picture.show(PatternPlot.snapshot(pattern, snapshot(iteration)));
        }
        for (int k = 1; k < snapshotCount; k++) {
            if (iteration == (int) ((long) config.iterations() * k / (snapshotCount - 1))) {
                snapshots.add(snapshot(iteration));
            }
        }
    }

    /** Ends the run: what it learned and how it went. */
    public Gan1dRun finish(Discriminator discriminator) {
        watch.finish();
        var scoreboard = watch.scoreboard();
        return new Gan1dRun(pattern, config, generator, discriminator, scoreboard.history(), scoreboard.measure(),
                List.copyOf(snapshots), scoreboard.warnings(), scoreboard.stalled(), (System.nanoTime() - started) / 1e9);
    }

    private Snapshot snapshot(int iteration) {
        return new Snapshot(iteration, points(noise.get(NDArrayIndex.interval(0, SNAPSHOT_POINTS), NDArrayIndex.all())));
    }

    /** The generator's points for {@code z}, in the pattern's units. */
    private INDArray points(INDArray z) {
        return pattern.fromTraining(generator.inferred(z));
    }
}
