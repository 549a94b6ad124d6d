package org.gantutorial.training;

import org.gantutorial.history.History;
import org.gantutorial.history.Measure;
import org.gantutorial.history.Snapshot;
import org.gantutorial.models.Gan1dConfig;
import org.gantutorial.patterns.Pattern;

import java.util.List;

/**
 * The outcome of training the 1D GAN on one pattern.
 *
 * @param trueError the true error over training, from the untrained generator on
 * @param snapshots generated points (pattern units) at several iterations, from the same latent vectors each time
 * @param warnings  what the health monitor said, in order
 * @param stalled   whether D was still out of the 10%-90% range at the end
 * @param seconds   wall-clock training time
 */
public record Gan1dRun(Pattern pattern, Gan1dConfig config, Generator generator, Discriminator discriminator,
                       History history, Measure trueError, List<Snapshot> snapshots, List<String> warnings,
                       boolean stalled, double seconds) {
}
