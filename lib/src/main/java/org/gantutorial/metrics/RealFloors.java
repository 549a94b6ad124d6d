package org.gantutorial.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What real slices score against real slices: the floors a generated set's distances should be read
 * against, with how sure they are. One random split into halves gives one floor; another split gives
 * another, so we report the spread over several. A random split also puts neighbouring slices of one
 * scan, and each slice's mirror image, on both sides, so the halves are closer than a new scan would
 * be: the stricter floor keeps every scan, mirrors included, on one side. A generator below the strict
 * floor but above the random one resembles the training scans more than another head would.
 *
 * @param perSet     slices a side in the random splits (as in the headline SWD, for comparable values)
 * @param randomSwd  {@link SlicedWasserstein#distance} between random halves
 * @param scanSwd    the SWD between sides that each hold whole scans; empty with a single scan
 * @param scanPerSet the fewest slices a side among the whole-scan splits (0 when there are none)
 * @param intensity  {@link IntensityDistance} between the random halves
 */
public record RealFloors(int perSet, Spread randomSwd, Optional<Spread> scanSwd, int scanPerSet, Spread intensity) {
    /** Random orders of the scans tried when looking for distinct balanced whole-scan splits. */
    private static final int ORDERS = 64;

    /**
     * Floors from {@code real} ([N, 1, S, S]) and the scan of each slice, with at most {@code perSet}
     * slices a side, over {@code splits} random splits and up to as many whole-scan splits; {@code seed}
     * draws the splits and is the SWD's seed (pass the headline's).
     */
    public static RealFloors of(INDArray real, List<String> scanOfEachReal, int perSet, int splits, long seed) {
        int n = (int) real.size(0);
        if (scanOfEachReal.size() != n || n < 2 || splits < 1) {
            throw new IllegalArgumentException("floors need at least 2 slices, one scan name for each (" + n + " slices, "
                    + scanOfEachReal.size() + " names) and at least one split, not " + splits);
        }
        int half = Math.min(perSet, n / 2);
        var random = new Random(seed);
        double[] swd = new double[splits];
        double[] intensity = new double[splits];
        for (int s = 0; s < splits; s++) {
            int[] order = Slices.shuffled(n, random);
            INDArray a = Slices.rows(real, Arrays.copyOfRange(order, 0, half));
            INDArray b = Slices.rows(real, Arrays.copyOfRange(order, half, 2 * half));
            swd[s] = SlicedWasserstein.distance(a, b, seed);
            intensity[s] = IntensityDistance.between(a, b);
        }
        List<int[][]> scanSplits = scanSplits(scanOfEachReal, splits, random);
        double[] scanSwd = new double[scanSplits.size()];
        int fewest = Integer.MAX_VALUE;
        for (int s = 0; s < scanSwd.length; s++) {
            int[][] sides = scanSplits.get(s);
            int count = Math.min(perSet, Math.min(sides[0].length, sides[1].length));
            fewest = Math.min(fewest, count);
            scanSwd[s] = SlicedWasserstein.distance(Slices.rows(real, Arrays.copyOf(sides[0], count)),
                    Slices.rows(real, Arrays.copyOf(sides[1], count)), seed);
        }
        return new RealFloors(half, Spread.of(swd), scanSwd.length == 0 ? Optional.empty() : Optional.of(Spread.of(scanSwd)),
                scanSwd.length == 0 ? 0 : fewest, Spread.of(intensity));
    }

    /** One line for the end of a run: the floors and their spread. */
    public String summary() {
        return String.format("real vs real, %d slices a side: SWD %s over random splits; %s; intensity distance %.3f ± %.3f",
                perSet, randomSwd, scanSwd.map(s -> "whole scans apart (" + scanPerSet + "+ a side) " + s)
                        .orElse("one scan only, no whole-scan floor"), intensity.mean(), intensity.deviation());
    }

    /** A generated set's SWD and intensity distance read against the floors, in one line. */
    public String compare(double swd, double intensityDistance) {
        String strict = scanSwd.map(s -> String.format(" and %.1f times the whole-scan floor", swd / s.mean())).orElse("");
        return String.format("SWD %.1f is %.1f times the random-split floor (%.1f to %.1f)%s; intensity distance %.3f, "
                        + "real halves %.3f", swd, swd / randomSwd.mean(), randomSwd.min(), randomSwd.max(), strict,
                intensityDistance, intensity.mean());
    }

    /**
     * Up to {@code wanted} distinct splits of the scans into two sides of similar size, each side's
     * slices in random order: every random order of the scans puts each scan on the side that has
     * fewer slices so far.
     */
    private static List<int[][]> scanSplits(List<String> scanOfEachReal, int wanted, Random random) {
        List<String> scans = new ArrayList<>(new LinkedHashSet<>(scanOfEachReal));
        Map<String, Long> sizes = new LinkedHashMap<>();
        scanOfEachReal.forEach(scan -> sizes.merge(scan, 1L, Long::sum));
        var found = new LinkedHashSet<List<String>>();
        for (int attempt = 0; attempt < ORDERS && scans.size() > 1 && found.size() < wanted; attempt++) {
            var sides = List.of(new ArrayList<String>(), new ArrayList<String>());
            long[] filled = new long[2];
            for (int i : Slices.shuffled(scans.size(), random)) {
                int side = filled[0] <= filled[1] ? 0 : 1;
                sides.get(side).add(scans.get(i));
                filled[side] += sizes.get(scans.get(i));
            }
            // The side holding the first scan names a split once, whichever way round it was drawn.
            List<String> first = sides.get(sides.get(0).contains(scans.get(0)) ? 0 : 1);
            found.add(scans.stream().filter(first::contains).toList());
        }
        var splits = new ArrayList<int[][]>();
        for (List<String> side : found) {
            int[] order = Slices.shuffled(scanOfEachReal.size(), random);
            splits.add(new int[][] {
                    IntStream.of(order).filter(i -> side.contains(scanOfEachReal.get(i))).toArray(),
                    IntStream.of(order).filter(i -> !side.contains(scanOfEachReal.get(i))).toArray()});
        }
        return splits;
    }
}
