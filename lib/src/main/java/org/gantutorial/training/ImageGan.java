package org.gantutorial.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.history.Measure;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;

import java.util.Random;

/**
 * Everything an image-GAN run is at one moment: the two players, the average of G that the
 * pictures come from, the random stream that draws batches, noise and D's augmentation, and the
 * score so far. It is what a {@link Checkpoint} saves; the training loop itself lives in notebook 07
 * (and, for the command line, in {@link ImageTraining}).
 */
public final class ImageGan {
    /** Evaluations in a row with D out of range before the stall warning. */
    private static final int PATIENCE = 5;

    private final DcganConfig config;
    private final Generator generator;
    private final Discriminator discriminator;
    private final GeneratorAverage average;
    private final Random random;
    private final Scoreboard scoreboard;
    private final long trainingSlices;

    ImageGan(DcganConfig config, MultiLayerNetwork generator, MultiLayerNetwork average, MultiLayerNetwork discriminator,
             Random random, Scoreboard scoreboard, long trainingSlices) {
        this.config = config;
        this.generator = new Generator(generator);
        this.discriminator = new Discriminator(discriminator).seeing(config.augmentation(), random);
        this.average = GeneratorAverage.resume(average, config.averageDecay());
        this.random = random;
        this.scoreboard = scoreboard;
        this.trainingSlices = trainingSlices;
    }

    /** Fresh networks for {@code config}, to train on {@code slices}; the SWD is recorded against {@code swd}'s floor. */
    public static ImageGan start(DcganConfig config, TrainingSlices slices, SwdMeter swd) {
        if (slices.size() != config.imageSize()) {
            throw new IllegalArgumentException("The training slices are " + slices.size() + "x" + slices.size()
                    + " but the model makes " + config.imageSize() + "x" + config.imageSize()
                    + "; load them at image size " + config.imageSize() + ".");
        }
        MultiLayerNetwork generator = DcganGenerator.build(config);
        return new ImageGan(config, generator, generator.clone(), DcganDiscriminator.build(config), new Random(config.seed()),
                new Scoreboard(new Measure("SWD", swd.floor()), PATIENCE), slices.count());
    }

    public DcganConfig config() {
        return config;
    }

    public Generator generator() {
        return generator;
    }

    /** D, seeing every batch through the config's augmentation. */
    public Discriminator discriminator() {
        return discriminator;
    }

    public GeneratorAverage average() {
        return average;
    }

    /** The stream that draws every batch, every noise vector and D's augmentation: saved, so a resumed run draws on. */
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

    /** How many slices the run trains on: a checkpoint refuses to go on with other data. */
    public long trainingSlices() {
        return trainingSlices;
    }
}
