package org.gantutorial.mr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The frames of one multi-frame file in slice order. An enhanced MR or CT file gives each frame's
 * position in its Per-frame Functional Groups (5200,9230) — Plane Position (Patient) — and the
 * orientation once for all; frames are sorted along the slice normal as a series of single files
 * is. Without positions for every frame the stored order is kept.
 *
 * @param order    frame indices in slice order
 * @param position the first frame's position in that order, or null when unknown
 */
record FrameOrder(List<Integer> order, double[] position) {
    private static final String PER_FRAME_GROUPS = "5200,9230";
    private static final String POSITION = "0020,0032";

    static FrameOrder of(String header, int frames, double[] position, double[] orientation) {
        List<Integer> stored = IntStream.range(0, frames).boxed().toList();
        List<double[]> positions = perFramePositions(header);
        if (frames < 2 || orientation == null || positions.size() != frames) {
            return new FrameOrder(stored, position);
        }
        List<Integer> sorted = new ArrayList<>(stored);
        sorted.sort(Comparator.comparingDouble(i -> DicomImage.depth(positions.get(i), orientation)));
        return new FrameOrder(sorted, positions.get(sorted.get(0)));
    }

    /** Every Image Position (Patient) listed after the start of the Per-frame Functional Groups. */
    private static List<double[]> perFramePositions(String header) {
        var positions = new ArrayList<double[]>();
        boolean inPerFrame = false;
        for (String line : header.split("\n")) {
            inPerFrame |= line.startsWith(PER_FRAME_GROUPS);
            if (inPerFrame && line.startsWith(POSITION)) {
                double[] position = DicomReader.numbers(line.substring(line.indexOf(':') + 1), 3);
                if (position == null) {
                    return List.of();
                }
                positions.add(position);
            }
        }
        return positions;
    }
}
