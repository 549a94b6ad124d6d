package org.gantutorial.training;

import org.gantutorial.metrics.Psnr;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Notebook 08's restoration loop, for {@code ./gan train-sr} and the tests: the same calls as the
 * notebook's {@code train} cell, with checkpoints. The measure is the root-mean-square pixel error on
 * held-back slices.
 */
public final class RestorerTraining {
    private RestorerTraining() {
    }

    /**
     * Trains {@code run} from its iteration up to {@code iterations} on {@code training}, measuring on
     * {@code heldBack} every {@code evaluateEvery} steps and saving into {@code checkpoint} every
     * {@code checkpointEvery} steps and at the end; stops cleanly, with a checkpoint, when interrupted.
     *
     * @param quiet no progress line or printed warnings
     */
    public static void run(RestorerRun run, SlicePairs training, SlicePairs.Batch heldBack, int iterations, int evaluateEvery,
                           Path checkpoint, int checkpointEvery, boolean quiet) throws IOException {
        Restorer restorer = run.restorer();
        var config = run.config();
        var watch = new TrainingWatch(run.scoreboard(), iterations, evaluateEvery, () -> error(restorer, heldBack));
        if (quiet) {
            watch.quiet();
        }
        for (int iteration = run.iteration() + 1; iteration <= iterations && watch.keepGoing(); iteration++) {
            SlicePairs.Batch batch = training.randomBatch(config.batchSize(), run.random());
            INDArray restored = restorer.restore(batch.degraded());
            run.patches().ifPresent(patches -> {
                watch.add(patches.learnFrom(batch.truth(), batch.degraded(), Label.REAL));
                watch.add(patches.learnFrom(restored, batch.degraded(), Label.FAKE));
                patches.step();
            });
            restorer.learnTowards(batch.truth(), config.l1Weight());
            run.patches().ifPresent(patches -> watch.add(restorer.learnThrough(patches, restored, batch.degraded())));
            restorer.step();
            watch.after(iteration);
            if (iteration % checkpointEvery == 0) {
                RestorerCheckpoint.save(checkpoint, run);
            }
        }
        watch.finish();
        RestorerCheckpoint.save(checkpoint, run);
    }

    /** The RMS pixel error of {@code restorer}'s restorations of the held-back slices. */
    public static double error(Restorer restorer, SlicePairs.Batch heldBack) {
        return Psnr.rmsError(restorer.inferred(heldBack.degraded(), 64), heldBack.truth());
    }
}
