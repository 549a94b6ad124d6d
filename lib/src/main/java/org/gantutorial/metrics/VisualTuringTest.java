package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * A visual Turing test for a class of readers: 16 slices, 8 real and 8 generated, in an order drawn
 * from a seed; each reader writes R (real) or F (fake, generated) for slices 1 to 16. Readers who
 * cannot tell score about 8; the binomial chance of doing at least as well by coin-tossing says how
 * much a higher score means. The pictures are in {@code plots.TuringSheet}.
 *
 * @param slices the 16 slices in sheet order, [16, 1, S, S]
 * @param key    the right answers in sheet order, e.g. "RFFRFRRF..." (16 letters)
 * @param seed   the seed that picked and ordered the slices
 */
public record VisualTuringTest(INDArray slices, String key, long seed) {
    public static final int TILES = 16;

    /** Eight slices drawn from {@code real} and eight from {@code generated} (both [N, 1, S, S], N at least 8), shuffled. */
    public static VisualTuringTest of(INDArray real, INDArray generated, long seed) {
        if (real.size(0) < TILES / 2 || generated.size(0) < TILES / 2 || real.size(3) != generated.size(3)) {
            throw new IllegalArgumentException("a visual Turing test needs at least " + TILES / 2
                    + " real and " + TILES / 2 + " generated slices of one size, not " + real.size(0) + " and " + generated.size(0));
        }
        var random = new Random(seed);
        INDArray chosen = Nd4j.concat(0, pick(real, random), pick(generated, random));
        int[] order = Slices.shuffled(TILES, random);
        var key = new StringBuilder();
        for (int tile : order) {
            key.append(tile < TILES / 2 ? 'R' : 'F');
        }
        return new VisualTuringTest(Slices.rows(chosen, order), key.toString(), seed);
    }

    /** Whether slice {@code number} (1 to 16, as on the sheet) is real. */
    public boolean isReal(int number) {
        return key.charAt(number - 1) == 'R';
    }

    /** Scores one reader's guesses: 16 letters R or F in sheet order, any case, spaces ignored. */
    public Score score(String guesses) {
        String letters = guesses.replaceAll("\\s", "").toUpperCase();
        if (letters.length() != TILES) {
            throw new IllegalArgumentException("write one letter, R or F, for each of the " + TILES + " slices, not "
                    + letters.length() + " letters");
        }
        int correct = 0;
        for (int i = 0; i < TILES; i++) {
            char guess = letters.charAt(i);
            if (guess != 'R' && guess != 'F') {
                throw new IllegalArgumentException("guess " + (i + 1) + " is '" + guesses.replaceAll("\\s", "").charAt(i)
                        + "'; write R for real or F for fake (generated)");
            }
            correct += guess == key.charAt(i) ? 1 : 0;
        }
        return new Score(correct, TILES, atLeastByChance(correct, TILES));
    }

    /**
     * One reader's result.
     *
     * @param correct how many slices were called right
     * @param total   how many slices there were
     * @param pValue  the chance of calling at least {@code correct} right by guessing (one-sided binomial, p = 1/2)
     */
    public record Score(int correct, int total, double pValue) {
        public double accuracy() {
            return (double) correct / total;
        }

        /** "11/16 right (69%); guessing gets at least that many right with chance 0.105" */
        @Override
        public String toString() {
            return String.format("%d/%d right (%.0f%%); guessing gets at least that many right with chance %.3g", correct, total,
                    100 * accuracy(), pValue);
        }
    }

    /** P(X >= k) for X binomial(n, 1/2), exactly: the sum of C(n, i) over i >= k, over 2^n. */
    static double atLeastByChance(int k, int n) {
        BigInteger ways = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE;
        for (int i = 0; i <= n; i++) {
            if (i >= k) {
                ways = ways.add(choose);
            }
            choose = choose.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return ways.doubleValue() / Math.pow(2, n);
    }

    private static INDArray pick(INDArray slices, Random random) {
        return Slices.rows(slices, Arrays.copyOf(Slices.shuffled((int) slices.size(0), random), TILES / 2));
    }
}
