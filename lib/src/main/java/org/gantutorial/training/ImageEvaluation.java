package org.gantutorial.training;

import org.gantutorial.metrics.Diversity;
import org.gantutorial.metrics.IntensityDistance;
import org.gantutorial.metrics.RealFloors;
import org.gantutorial.metrics.ScanCoverage;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * How good the image GAN's slices are, in the figures notebook 07 and {@code ./gan train-mr} report
 * beside the SWD: how sure its floor is (the spread over random splits, and a stricter floor with
 * whole scans apart), the intensity distance that sees brightness and contrast, which scans the
 * generated slices resemble (coverage), and how alike they are to each other (diversity, MS-SSIM).
 *
 * @param swd                the headline SWD of {@code generated} against the fixed real slices
 * @param floors             the real-vs-real floors and their spread
 * @param intensityDistance  {@link IntensityDistance} between generated and real slices
 * @param coverage           each scan's share of the real slices and of the generated ones nearest to it
 * @param generatedDiversity mean pairwise MS-SSIM among generated slices: near 1 means collapsed
 * @param realDiversity      the same among real slices, the level to compare with
 */
public record ImageEvaluation(double swd, RealFloors floors, double intensityDistance, ScanCoverage coverage,
                              double generatedDiversity, double realDiversity) {
    /** Splits for the floors' spread: each is one SWD, about a second at 64x64. */
    public static final int FLOOR_SPLITS = 3;
    /** Pairs for each diversity figure. */
    public static final int DIVERSITY_PAIRS = 200;
    private static final long SEED = 99;

    /** Evaluates {@code generated} ([N, 1, S, S]) against {@code slices}, with {@code swd}'s fixed real set and sample size. */
    public static ImageEvaluation of(INDArray generated, TrainingSlices slices, SwdMeter swd) {
        INDArray real = slices.images();
        int perSet = (int) swd.realSlices().size(0);
        return new ImageEvaluation(swd.distance(generated),
                RealFloors.of(real, slices.scans(), perSet, FLOOR_SPLITS, SEED),
                IntensityDistance.between(generated, swd.realSlices()),
                ScanCoverage.of(real, slices.scans(), generated),
                Diversity.meanPairwiseMsSsim(generated, DIVERSITY_PAIRS, SEED),
                Diversity.meanPairwiseMsSsim(swd.realSlices(), DIVERSITY_PAIRS, SEED));
    }

    /** The figures in a few lines, for the end of a run. */
    public List<String> lines() {
        return List.of(floors.compare(swd, intensityDistance), floors.summary(), coverage.summary(),
                String.format("diversity (mean pairwise MS-SSIM, lower is more varied): generated %.3f, real %.3f",
                        generatedDiversity, realDiversity));
    }
}
