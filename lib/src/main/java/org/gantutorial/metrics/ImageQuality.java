package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a set of restored slices compares with the true ones, in four figures.
 *
 * @param psnr      mean {@link Psnr}, dB: pixel-by-pixel fidelity (higher is closer)
 * @param ssim      mean {@link Ssim}: local structure and contrast (1 is identical)
 * @param sharpness {@link Sharpness#relative}: fine detail against the truth's (1 is as much)
 * @param invented  the share of pixels in {@link InventedStructure}s: drawn by the network, in neither input nor truth
 */
public record ImageQuality(double psnr, double ssim, double sharpness, double invented) {

    /**
     * Measures {@code output}, made from {@code input}, against {@code truth} (all [N, 1, S, S]):
     * a difference of more than {@code threshold} from both counts as invented, in regions of at
     * least {@code smallest} pixels.
     */
    public static ImageQuality of(INDArray output, INDArray input, INDArray truth, double threshold, int smallest) {
        INDArray invented = InventedStructure.structures(InventedStructure.mask(output, input, truth, threshold), smallest);
        return new ImageQuality(Psnr.mean(output, truth), Ssim.mean(output, truth), Sharpness.relative(output, truth),
                InventedStructure.share(invented));
    }

    /** "PSNR 22.9 dB, SSIM 0.712, sharpness 0.48, invented 0.3%" */
    @Override
    public String toString() {
        return String.format("PSNR %.1f dB, SSIM %.3f, sharpness %.2f, invented %.1f%%", psnr, ssim, sharpness, 100 * invented);
    }
}
