package org.gantutorial.training;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The image GAN's run, planned before it starts: whether the config's training step fits in the memory this
 * session gives the JVM ({@link MemoryBudget}), a smaller batch where the config's does not, or a one-sentence
 * refusal ({@link TooLarge}) that names the memory needed and the largest image size that fits; then a few
 * timed steps, so the reader knows how long the run will take before it starts.
 * <p>
 * The memory a run needs is estimated from the networks' activations (what {@code getLayerActivationTypes}
 * gives, times the batch) and parameters, calibrated on the peak resident size of the first steps at 64, 128
 * and 256 with tools/budget's options for 2 GB (docs/experiments.md, issue 27): the peak with the dead arrays of
 * a few steps not yet freed, so on the safe side of what the run keeps alive.
 */
public final class RunPlan {
    /** The smallest batch worth training with: 4 real and 4 fake slices for D, 8 fakes for G. */
    static final int SMALLEST_BATCH = 8;
    /**
     * The JVM with tools/budget's options, ND4J's and oneDNN's libraries and the JIT's code (450 MB, measured after
     * start-up), and the dead arrays a few steps leave before the collector frees them (140 MB).
     */
    static final long BASE = 590L << 20;
    /** The loaded slices, once as loaded and once as the SWD's shuffled copies, plus the floor's working arrays. */
    static final double DATA_COPIES = 3;
    /** Bytes per activation value and example: the float, and the copies a step keeps (forward, backward, D's batches). */
    static final double BYTES_PER_ACTIVATION = 12;
    /** Bytes per parameter: G's and D's weights, gradients, Adam's two moments, the twins' buffers and G's average. */
    static final double BYTES_PER_PARAMETER = 24;

    private final DcganConfig asked;
    private final DcganConfig config;
    private final long needAsked;
    private final long need;
    private final MemoryBudget budget;
    private final double secondsPerStep;
    private final int iterations;

    private RunPlan(DcganConfig asked, DcganConfig config, Footprint footprint, MemoryBudget budget, double secondsPerStep, int iterations) {
        this.asked = asked;
        this.config = config;
        this.needAsked = footprint.at(asked.batchSize());
        this.need = footprint.at(config.batchSize());
        this.budget = budget;
        this.secondsPerStep = secondsPerStep;
        this.iterations = iterations;
    }

    /**
     * Plans {@code iterations} steps of {@code config} on {@code slices} in this JVM's memory: the config as it is, or
     * with a smaller batch, then times a few steps on throwaway networks (seconds at 64x64, some ten at 256x256).
     *
     * @throws TooLarge before anything is trained, when even the smallest batch does not fit
     */
    public static RunPlan of(DcganConfig config, TrainingSlices slices, int iterations) {
        long dataBytes = slices.images().length() * Float.BYTES;
        var budget = MemoryBudget.ofThisProcess();
        var footprint = Footprint.of(config, dataBytes);
        DcganConfig fitted = fit(config, footprint, dataBytes, budget);
        return new RunPlan(config, fitted, footprint, budget, StepTimer.secondsPerStep(fitted, slices), iterations);
    }

    /** The config to train: the one asked for, or the same with the batch that fits. */
    public DcganConfig config() {
        return config;
    }

    /** Seconds a training step took on this machine, timed before the run. */
    public double secondsPerStep() {
        return secondsPerStep;
    }

    /** Two lines: the memory and the batch chosen for it, then the expected time per step and for the whole run. */
    public String describe() {
        String side = config.imageSize() + "×" + config.imageSize();
        String memory = config.equals(asked)
                ? String.format(Locale.ROOT, "%s at batch %d needs about %s of this session's %s.", side, config.batchSize(),
                MemoryBudget.format(need), MemoryBudget.format(budget.bytes()))
                : String.format(Locale.ROOT, "%s needs about %s at batch %d; training at batch %d (about %s) to fit this session's %s.", side,
                MemoryBudget.format(needAsked), asked.batchSize(), config.batchSize(), MemoryBudget.format(need),
                MemoryBudget.format(budget.bytes()));
        return memory + System.lineSeparator() + String.format(Locale.ROOT, "About %s per step, about %s for %,d steps on this machine.",
                secondsText(secondsPerStep), StepTimer.duration(secondsPerStep * iterations), iterations);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** {@code config} if its run fits {@code budget}, else the largest halved batch that does. */
    static DcganConfig fit(DcganConfig config, long dataBytes, MemoryBudget budget) {
        return fit(config, Footprint.of(config, dataBytes), dataBytes, budget);
    }

    private static DcganConfig fit(DcganConfig config, Footprint footprint, long dataBytes, MemoryBudget budget) {
        int batch = batchThatFits(config.batchSize(), footprint, budget);
        if (batch == 0) {
            throw new TooLarge(refusal(config, footprint.at(SMALLEST_BATCH), dataBytes, budget));
        }
        return config.withBatchSize(batch);
    }

    /** {@code batch} or the largest half, quarter, ... of it (even, at least {@link #SMALLEST_BATCH}) that fits; 0 if none does. */
    private static int batchThatFits(int batch, Footprint footprint, MemoryBudget budget) {
        for (int tried = batch; tried >= SMALLEST_BATCH && tried % 2 == 0; tried /= 2) {
            if (footprint.at(tried) <= budget.bytes()) {
                return tried;
            }
        }
        return 0;
    }

    /**
     * The bytes a run holds at its peak apart from its batch, and what each example of the batch adds. Made once
     * per image size: counting builds both networks, at 256x256 some 26 MB of weights for the collector to find.
     */
    private record Footprint(long fixed, long perExample) {
        static Footprint of(DcganConfig config, long dataBytes) {
            var generator = DcganGenerator.build(config);
            var discriminator = DcganDiscriminator.build(config);
            List<InputType> activations = new ArrayList<>(generator.getLayerWiseConfigurations()
                    .getLayerActivationTypes(InputType.feedForward(config.latentSize())));
            activations.addAll(discriminator.getLayerWiseConfigurations()
                    .getLayerActivationTypes(InputType.convolutional(config.imageSize(), config.imageSize(), 1)));
            long values = activations.stream().mapToLong(InputType::arrayElementsPerExample).sum();
            long parameters = generator.numParams() + discriminator.numParams();
            return new Footprint(BASE + Math.round(DATA_COPIES * dataBytes + BYTES_PER_PARAMETER * parameters),
                    Math.round(BYTES_PER_ACTIVATION * values));
        }

        long at(int batch) {
            return fixed + perExample * batch;
        }
    }

    /** One sentence: what the config needs even at the smallest batch, and the largest image size that fits. */
    private static String refusal(DcganConfig config, long smallest, long dataBytes, MemoryBudget budget) {
        int size = config.imageSize();
        String then = " is more than this session's " + MemoryBudget.format(budget.bytes()) + " for training";
        for (int smaller = size / 2; smaller >= 32; smaller /= 2) {
            // Fewer pixels per slice, as many slices: the data shrink with the area.
            long smallerData = dataBytes / ((long) size / smaller * size / smaller);
            var footprint = Footprint.of(config.withImageSize(smaller), smallerData);
            int batch = batchThatFits(config.batchSize(), footprint, budget);
            if (batch > 0) {
                return String.format(Locale.ROOT, "%d×%d slices need about %s even at batch %d, which%s; image size %d fits (batch %d, about %s).",
                        size, size, MemoryBudget.format(smallest), SMALLEST_BATCH, then, smaller, batch, MemoryBudget.format(footprint.at(batch)));
            }
        }
        return String.format(Locale.ROOT, "%d×%d slices need about %s even at batch %d, which%s, and no smaller size fits either; "
                + "run on a machine with more memory.", size, size, MemoryBudget.format(smallest), SMALLEST_BATCH, then);
    }

    private static String secondsText(double seconds) {
        return seconds < 10 ? String.format(Locale.ROOT, "%.1f s", seconds) : String.format(Locale.ROOT, "%.0f s", seconds);
    }

    /** The run does not fit this session's memory at any batch: one sentence, and no stack trace to scroll past. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(String sentence) {
            super(sentence, null, false, false);
        }
    }
}
