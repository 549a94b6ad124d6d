package org.gantutorial.training;

/**
 * How long the image GAN trains and how often the loop's helpers run, for the command line and
 * the tests (notebook 07 names the same four numbers in its Inputs cell).
 *
 * @param iterations      the iteration to train up to (a resumed run goes on to this number)
 * @param evaluateEvery   iterations between evaluations: losses, D(x), D(G(z)), SWD
 * @param showEvery       iterations between pictures of the fixed-noise grid (and GIF frames)
 * @param checkpointEvery iterations between checkpoints (one is also written at the end)
 */
public record ImageSchedule(int iterations, int evaluateEvery, int showEvery, int checkpointEvery) {
    public ImageSchedule {
        if (iterations < 0 || evaluateEvery < 1 || showEvery < 1 || checkpointEvery < 1) {
            throw new IllegalArgumentException("iterations must be at least 0 and every interval at least 1");
        }
    }

    /**
     * 21 evaluations (each a few hundred slices through G and an SWD, a second or two) and 42 pictures
     * over the run, a checkpoint every 200 iterations: for the default run, notebook 07's numbers.
     */
    public static ImageSchedule of(int iterations) {
        return new ImageSchedule(iterations, Math.max(1, iterations / 21), Math.max(1, iterations / 42), 200);
    }
}
