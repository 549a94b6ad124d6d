package org.gantutorial.training;

import org.gantutorial.mr.MrSlices;
import org.gantutorial.mr.SliceOptions;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;

/**
 * Where the image GAN's training slices come from: the one place the notebooks and
 * {@code ./gan train-mr} ask for data, so swapping the source touches nothing else.
 * Any [N, 1, S, S] array in [-1, 1] can also be passed to the trainer directly.
 */
public final class TrainingSlices {
    private TrainingSlices() {
    }

    /**
     * Head MR slices of {@code size} x {@code size}, shape [N, 1, size, size], in [-1, 1].
     *
     * @param data   a DICOM/NIfTI/image file or folder, or null for the tutorial's sample data (./gan data)
     * @param levels which axial levels of each head to keep
     */
    public static INDArray load(Path data, int size, SliceOptions.Levels levels) {
        return data == null
                ? MrSlices.trainingSet(size, levels)
                : MrSlices.from(data, SliceOptions.DEFAULTS.withSize(size).withLevels(levels)).images();
    }

    /** Checks the layout the image GAN needs; one clear sentence when it is wrong. */
    public static void check(INDArray slices, int size) {
        long[] shape = slices.shape();
        if (shape.length != 4 || shape[1] != 1 || shape[2] != size || shape[3] != size) {
            throw new IllegalArgumentException("The training slices have shape " + java.util.Arrays.toString(shape)
                    + " but the model needs [N, 1, " + size + ", " + size + "]; load them at image size " + size + ".");
        }
        if (shape[0] < 8) {
            throw new IllegalArgumentException("Only " + shape[0] + " training slices were given; the image GAN needs at least 8.");
        }
        double min = slices.minNumber().doubleValue();
        double max = slices.maxNumber().doubleValue();
        if (min < -1.001 || max > 1.001) {
            throw new IllegalArgumentException(String.format("The training slices range from %.3g to %.3g; scale them to [-1, 1] "
                    + "(the generator's tanh output range) before training.", min, max));
        }
    }
}
