package org.gantutorial.training;

import org.gantutorial.models.DcganConfig.Augmentation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffAugmentTest {
    private static final int SIDE = 32;

    /** Background everywhere, one bright pixel in the middle of each slice. */
    private static INDArray dots(int n) {
        INDArray images = Nd4j.valueArrayOf(new long[] {n, 1, SIDE, SIDE}, -1f, DataType.FLOAT);
        for (int k = 0; k < n; k++) {
            images.putScalar(new long[] {k, 0, SIDE / 2, SIDE / 2}, 1f);
        }
        return images;
    }

    private static float[] pixels(INDArray images, int k) {
        return images.get(NDArrayIndex.point(k)).dup().data().asFloat();
    }

    private static int count(float[] pixels, float value) {
        int n = 0;
        for (float p : pixels) {
            n += p == value ? 1 : 0;
        }
        return n;
    }

    @Test
    void noneLeavesTheSlicesAndTheGradientAsTheyAre() {
        var augment = new DiffAugment(Augmentation.NONE, new Random(1));
        INDArray images = dots(2);
        assertSame(images, augment.apply(images));
        assertSame(images, augment.backward(images));
    }

    @Test
    void translationMovesTheContentByAtMostAnEighthAndFillsWithBackground() {
        var augment = new DiffAugment(Augmentation.TRANSLATION, new Random(2));
        INDArray shifted = augment.apply(dots(200));
        int moved = 0;
        for (int k = 0; k < 200; k++) {
            float[] slice = pixels(shifted, k);
            assertEquals(1, count(slice, 1f), "the dot is kept, once");
            assertEquals(SIDE * SIDE - 1, count(slice, -1f), "the rest is background");
            int at = slice.length - 1;
            while (slice[at] != 1f) {
                at--;
            }
            int dy = at / SIDE - SIDE / 2;
            int dx = at % SIDE - SIDE / 2;
            assertTrue(Math.abs(dx) <= SIDE / 8 && Math.abs(dy) <= SIDE / 8, "shift " + dx + "," + dy);
            moved += dx != 0 || dy != 0 ? 1 : 0;
        }
        assertTrue(moved > 180, "almost every slice moves: " + moved);
    }

    @Test
    void cutoutBlanksASquareOfHalfTheSideAtMost() {
        var augment = new DiffAugment(Augmentation.TRANSLATION_AND_CUTOUT, new Random(3));
        INDArray out = augment.apply(dots(200));
        int blanked = 0;
        for (int k = 0; k < 200; k++) {
            int grey = count(pixels(out, k), 0f);
            assertTrue(grey <= SIDE * SIDE / 4, "at most a (side/2)^2 square: " + grey);
            blanked += grey;
        }
        // The centre falls anywhere from edge to edge, so near the edges the square is clipped: its mean
        // width over the 33 centres is 456/33 pixels, not 16.
        double meanWidth = 456.0 / 33;
        assertEquals(meanWidth * meanWidth, blanked / 200.0, 20);
    }

    /**
     * The change is linear in the pixels (apart from the constant fill), so its exact gradient
     * is its adjoint: for any x and g, g · (A(x) - A(0)) = backward(g) · x.
     */
    @Test
    void backwardIsTheExactGradientOfTheLatestChange() {
        for (Augmentation policy : new Augmentation[] {Augmentation.TRANSLATION, Augmentation.TRANSLATION_AND_CUTOUT}) {
            Nd4j.getRandom().setSeed(4);
            INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, SIDE, SIDE);
            INDArray g = Nd4j.rand(DataType.FLOAT, 8, 1, SIDE, SIDE);
            var augment = new DiffAugment(policy, new Random(5));
            INDArray ax = augment.apply(x);
            INDArray gradient = augment.backward(g);
            INDArray a0 = new DiffAugment(policy, new Random(5)).apply(Nd4j.zeros(DataType.FLOAT, 8, 1, SIDE, SIDE));
            double lhs = g.mul(ax.sub(a0)).sumNumber().doubleValue();
            double rhs = gradient.mul(x).sumNumber().doubleValue();
            assertEquals(lhs, rhs, 1e-3 * Math.abs(lhs), policy.toString());
        }
    }
}
