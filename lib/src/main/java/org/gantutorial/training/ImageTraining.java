package org.gantutorial.training;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Notebook 07's training loop, for {@code ./gan train-mr} and the tests: {@link GanRound}s on random real batches
 * (scans weighted as the config says), the average of G following, and the same helpers the notebook calls.
 */
public final class ImageTraining {
    private ImageTraining() {
    }

    /**
     * Trains {@code gan} from its iteration up to the schedule's, checkpointing into {@code output};
     * stops cleanly, with a checkpoint, when the thread is interrupted.
     *
     * @param quiet no progress line or printed warnings
     */
    public static void run(ImageGan gan, TrainingSlices slices, SwdMeter swd, ImageDashboard dashboard,
                           ImageSchedule schedule, Path output, boolean quiet) throws IOException {
        var generator = gan.generator();
        var discriminator = gan.discriminator();
        var average = gan.average();
        var random = gan.random();
        var watch = new TrainingWatch(gan.scoreboard(), schedule.iterations(), schedule.evaluateEvery(), () -> swd.measure(average));
        if (quiet) {
            watch.quiet();
        }
        int half = gan.config().batchSize() / 2;
        var realLabel = new Label(gan.config().realLabel());
        dashboard.showSlices(gan.iteration(), average);
        for (int iteration = gan.iteration() + 1; iteration <= schedule.iterations() && watch.keepGoing(); iteration++) {
            GanRound.play(generator, discriminator, slices.randomBatch(half, gan.config().scanWeightPower(), random), realLabel,
                    gan.config().noise(gan.config().batchSize(), random), watch::add);
            average.follow(generator, iteration);
            if (watch.after(iteration)) {
                dashboard.showCurves(gan.scoreboard());
            }
            if (iteration % schedule.showEvery() == 0 || iteration == schedule.iterations()) {
                dashboard.showSlices(iteration, average);
            }
            if (iteration % schedule.checkpointEvery() == 0) {
                Checkpoint.save(output, gan);
            }
        }
        watch.finish();
        Checkpoint.save(output, gan);
    }
}
