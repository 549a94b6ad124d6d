package org.gantutorial.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.patterns.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The outcome of training the 1D GAN on one pattern.
 *
 * @param config    the config of the run that finished (its seed differs from the one asked for after a restart)
 * @param snapshots generated points (pattern units) at several iterations, from the same latent vectors each time
 * @param warnings  what the health monitor said, in order
 * @param seconds   wall-clock training time, restarts included
 */
public record Gan1dRun(Pattern pattern, Gan1dConfig config, MultiLayerNetwork generator,
                       MultiLayerNetwork discriminator, History history, List<Snapshot> snapshots,
                       List<String> warnings, int restarts, double seconds) {

    /** Generated points at one iteration. */
    public record Snapshot(int iteration, INDArray points) {
    }

    /** The true error at the last evaluation. */
    public double trueError() {
        return history.last().quality();
    }
}
