package org.gantutorial.training;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InputType.InputTypeConvolutional;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;

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

    private RunPlan(DcganConfig asked, DcganConfig config, long dataBytes, MemoryBudget budget, double secondsPerStep, int iterations) {
        this.asked = asked;
        this.config = config;
        this.needAsked = need(asked, dataBytes);
        this.need = need(config, dataBytes);
        this.budget = budget;
        this.secondsPerStep = secondsPerStep;
        this.iterations = iterations;
    }

    /**
     * Plans {@code iterations} steps of {@code config} on {@code slices} in this JVM's memory: the config as it is, or
     * with a smaller batch, then times a few steps on throwaway networks (seconds at 64x64, about half a minute at 256x256).
     *
     * @throws TooLarge before anything is trained, when even the smallest batch does not fit
     */
    public static RunPlan of(DcganConfig config, TrainingSlices slices, int iterations) {
        long dataBytes = slices.images().length() * Float.BYTES;
        var budget = MemoryBudget.ofThisProcess();
        DcganConfig fitted = fit(config, dataBytes, budget);
        return new RunPlan(config, fitted, dataBytes, budget, StepTimer.secondsPerStep(fitted, slices), iterations);
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

    /** {@code config} if its step fits {@code budget}, else the largest halved batch that does. */
    static DcganConfig fit(DcganConfig config, long dataBytes, MemoryBudget budget) {
        for (int batch = config.batchSize(); batch >= SMALLEST_BATCH; batch /= 2) {
            var tried = config.withBatchSize(batch);
            if (fits(tried, dataBytes, budget)) {
                return tried;
            }
            if (batch / 2 % 2 != 0) {
                break;
            }
        }
        throw new TooLarge(refusal(config, dataBytes, budget));
    }

    /**
     * The bytes a run of {@code config} holds at its peak, with {@code dataBytes} of slices loaded. The data scale
     * with the slices' area like the step, so a smaller size is judged with proportionally smaller data.
     */
    static long need(DcganConfig config, long dataBytes) {
        long activations = activationsPerExample(config) * config.batchSize();
        long parameters = DcganGenerator.build(config).numParams() + DcganDiscriminator.build(config).numParams();
        return BASE + Math.round(DATA_COPIES * dataBytes + BYTES_PER_ACTIVATION * activations + BYTES_PER_PARAMETER * parameters);
    }

    private static boolean fits(DcganConfig config, long dataBytes, MemoryBudget budget) {
        return need(config, dataBytes) <= budget.bytes();
    }

    /** Every value G's and D's layers hand on for one example: the activations a step keeps, per slice. */
    static long activationsPerExample(DcganConfig config) {
        List<InputType> generator = DcganGenerator.build(config).getLayerWiseConfigurations()
                .getLayerActivationTypes(InputType.feedForward(config.latentSize()));
        List<InputType> discriminator = DcganDiscriminator.build(config).getLayerWiseConfigurations()
                .getLayerActivationTypes(InputType.convolutional(config.imageSize(), config.imageSize(), 1));
        long total = 0;
        for (var type : generator) {
            total += type.arrayElementsPerExample();
        }
        for (var type : discriminator) {
            total += type instanceof InputTypeConvolutional ? type.arrayElementsPerExample() : 1;
        }
        return total;
    }

    /** One sentence: what the config needs even at the smallest batch, and the largest image size that fits. */
    private static String refusal(DcganConfig config, long dataBytes, MemoryBudget budget) {
        int size = config.imageSize();
        long smallest = need(config.withBatchSize(SMALLEST_BATCH), dataBytes);
        String then = " is more than this session's " + MemoryBudget.format(budget.bytes()) + " for training";
        for (int smaller = size / 2; smaller >= 32; smaller /= 2) {
            // Fewer pixels per slice, as many slices: the data shrink with the area.
            long smallerData = dataBytes / ((long) size / smaller * size / smaller);
            try {
                var fitted = fit(config.withImageSize(smaller), smallerData, budget);
                return String.format(Locale.ROOT, "%d×%d slices need about %s even at batch %d, which%s; image size %d fits (batch %d, about %s).",
                        size, size, MemoryBudget.format(smallest), SMALLEST_BATCH, then, smaller, fitted.batchSize(),
                        MemoryBudget.format(need(fitted, smallerData)));
            } catch (TooLarge tooLarge) {
                // Try the next size down.
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
