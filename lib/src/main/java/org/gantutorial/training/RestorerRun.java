package org.gantutorial.training;

import org.gantutorial.history.Measure;
import org.gantutorial.models.ImageToImageConfig;
import org.gantutorial.models.PatchDiscriminator;
import org.gantutorial.models.UNetGenerator;

import java.util.Optional;
import java.util.Random;

/**
 * Everything one restorer's run is at one moment: the U-Net, the patch discriminator when the run is
 * adversarial (none for the L1 model), the random stream that draws its batches, and the score so far.
 * It is what a {@link RestorerCheckpoint} saves; notebook 08 writes the same loop in a cell.
 */
public final class RestorerRun {
    /** Evaluations in a row with D out of range before the stall warning. */
    private static final int PATIENCE = 5;

    private final ImageToImageConfig config;
    private final Restorer restorer;
    private final Optional<Discriminator> patches;
    private final Random random;
    private final Scoreboard scoreboard;

    RestorerRun(ImageToImageConfig config, Restorer restorer, Optional<Discriminator> patches, Random random, Scoreboard scoreboard) {
        this.config = config;
        this.restorer = restorer;
        this.patches = patches;
        this.random = random;
        this.scoreboard = scoreboard;
    }

    /** A fresh L1 model: a new U-Net, no discriminator. */
    public static RestorerRun l1(ImageToImageConfig config) {
        return new RestorerRun(config, new Restorer(UNetGenerator.build(config)), Optional.empty(), new Random(config.seed()), freshScore());
    }

    /** A GAN that starts from {@code from}'s weights (the L1 model's) with a fresh patch discriminator. */
    public static RestorerRun adversarial(ImageToImageConfig config, Restorer from) {
        return new RestorerRun(config, from.copy(), Optional.of(new Discriminator(PatchDiscriminator.build(config))), new Random(config.seed() + 1),
                freshScore());
    }

    public ImageToImageConfig config() {
        return config;
    }

    public Restorer restorer() {
        return restorer;
    }

    /** The patch discriminator of an adversarial run; none for the L1 model. */
    public Optional<Discriminator> patches() {
        return patches;
    }

    public Random random() {
        return random;
    }

    public Scoreboard scoreboard() {
        return scoreboard;
    }

    /** The iteration the run has reached: 0 for a fresh one. */
    public int iteration() {
        return scoreboard.iteration();
    }

    private static Scoreboard freshScore() {
        return new Scoreboard(new Measure("RMS error", 0), PATIENCE);
    }
}
