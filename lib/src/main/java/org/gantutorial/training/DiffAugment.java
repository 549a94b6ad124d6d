package org.gantutorial.training;

import org.gantutorial.models.DcganConfig.Augmentation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Changes a batch of slices at random before D sees it, and carries a gradient back through
 * the same change (Zhao et al. 2020, "Differentiable Augmentation for Data-Efficient GAN
 * Training"). Real and fake slices go through it alike, so D cannot tell them apart by the
 * change; and G's gradient is passed back through it, so G learns to draw unchanged slices.
 * <p>
 * Each slice is shifted by up to an eighth of its side (the background, -1, fills in) and,
 * for {@link Augmentation#TRANSLATION_AND_CUTOUT}, gets a square of half its side set to 0
 * (mid grey) at a random centre, clipped at the edges. Both changes only move pixels or overwrite
 * them, so the gradient is the same shift run backwards, with the blanked square's share zeroed.
 * <p>
 * The changes are drawn from the caller's random generator, so a seeded run stays repeatable.
 * {@link #backward} undoes the changes of the latest {@link #apply}.
 */
public final class DiffAugment {
    private static final float BACKGROUND = -1f;
    private static final float CUTOUT = 0f;

    private final Augmentation policy;
    private final Random random;
    private int[] shiftX = new int[0];
    private int[] shiftY = new int[0];
    private int[] cutX = new int[0];
    private int[] cutY = new int[0];

    public DiffAugment(Augmentation policy, Random random) {
        this.policy = policy;
        this.random = random;
    }

    /** Whether {@link #apply} changes anything. */
    private boolean isActive() {
        return policy != Augmentation.NONE;
    }

    /** A changed copy of {@code images} (n x 1 x side x side); the input itself when the policy is NONE. */
    public INDArray apply(INDArray images) {
        if (!isActive()) {
            return images;
        }
        int n = (int) images.size(0);
        int side = (int) images.size(3);
        draw(n, side);
        float[] in = pixels(images);
        float[] out = new float[in.length];
        int area = side * side;
        for (int k = 0; k < n; k++) {
            int base = k * area;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int from = source(k, y, x, side);
                    out[base + y * side + x] = from < 0 ? BACKGROUND : in[base + from];
                }
            }
            cutOut(out, base, side, k, CUTOUT);
        }
        return Nd4j.create(out, images.shape(), 'c');
    }

    /** The gradient with respect to the input of the latest {@link #apply}, given the gradient with respect to its output. */
    public INDArray backward(INDArray gradient) {
        if (!isActive()) {
            return gradient;
        }
        int n = (int) gradient.size(0);
        int side = (int) gradient.size(3);
        float[] in = pixels(gradient);
        float[] out = new float[in.length];
        int area = side * side;
        for (int k = 0; k < n; k++) {
            int base = k * area;
            // A blanked pixel's value no longer depends on the input.
            cutOut(in, base, side, k, 0f);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int from = source(k, y, x, side);
                    if (from >= 0) {
                        out[base + from] = in[base + y * side + x];
                    }
                }
            }
        }
        return Nd4j.create(out, gradient.shape(), 'c');
    }

    private void draw(int n, int side) {
        shiftX = new int[n];
        shiftY = new int[n];
        cutX = new int[n];
        cutY = new int[n];
        int maxShift = side / 8;
        boolean cut = policy == Augmentation.TRANSLATION_AND_CUTOUT;
        for (int k = 0; k < n; k++) {
            shiftX[k] = random.nextInt(2 * maxShift + 1) - maxShift;
            shiftY[k] = random.nextInt(2 * maxShift + 1) - maxShift;
            // The square's centre may lie anywhere up to the far edge; -side keeps it off the slice.
            cutX[k] = cut ? random.nextInt(side + 1) : -side;
            cutY[k] = cut ? random.nextInt(side + 1) : -side;
        }
    }

    /** Where in slice k the shift takes output pixel (y, x) from, or -1 when it comes from outside the slice. */
    private int source(int k, int y, int x, int side) {
        int fromY = y - shiftY[k];
        int fromX = x - shiftX[k];
        return fromY >= 0 && fromY < side && fromX >= 0 && fromX < side ? fromY * side + fromX : -1;
    }

    /** Sets slice k's square (half the side, centred at its drawn centre) to {@code value}. */
    private void cutOut(float[] pixels, int base, int side, int k, float value) {
        int half = side / 4;
        for (int y = Math.max(0, cutY[k] - half); y < Math.min(side, cutY[k] + half); y++) {
            for (int x = Math.max(0, cutX[k] - half); x < Math.min(side, cutX[k] + half); x++) {
                pixels[base + y * side + x] = value;
            }
        }
    }

    private static float[] pixels(INDArray images) {
        return images.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
