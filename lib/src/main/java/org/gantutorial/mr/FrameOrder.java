package org.gantutorial.mr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The frames of one file in slice order, with the position and orientation that place the file in
 * its series. An enhanced MR or CT file gives each frame's position in its Per-frame Functional
 * Groups (5200,9230) — Plane Position (Patient) — and the orientation once for all in a functional
 * group; its frames are sorted along the slice normal as a series of single files is. Without a
 * position for every frame the stored order is kept.
 *
 * @param order       frame indices in slice order
 * @param position    the first frame's position in that order, or null when unknown
 * @param orientation the six direction cosines, or null when unknown
 */
record FrameOrder(List<Integer> order, double[] position, double[] orientation) {
    private static final String PER_FRAME_GROUPS = "5200,9230";
    private static final String POSITION = "0020,0032";
    private static final String ORIENTATION = "0020,0037";

    static FrameOrder of(String header, int frames) {
        List<Integer> stored = IntStream.range(0, frames).boxed().toList();
        double[] position = DicomReader.numbers(DicomReader.tag(header, POSITION), 3);
        double[] orientation = DicomReader.numbers(DicomReader.tag(header, ORIENTATION), 6);
        var positions = new ArrayList<double[]>();
        boolean inPerFrame = false;
        // ImageJ lists elements inside sequences too, marked '>' where the sequence has undefined length.
        for (String line : header.split("\n")) {
            inPerFrame |= line.startsWith(PER_FRAME_GROUPS);
            if (orientation == null && line.startsWith(ORIENTATION)) {
                orientation = DicomReader.numbers(value(line), 6);
            } else if (inPerFrame && line.startsWith(POSITION)) {
                positions.add(DicomReader.numbers(value(line), 3));
            }
        }
        if (frames < 2 || orientation == null || positions.size() != frames || positions.contains(null)) {
            return new FrameOrder(stored, position, orientation);
        }
        double[] cosines = orientation;
        List<Integer> sorted = new ArrayList<>(stored);
        sorted.sort(Comparator.comparingDouble(i -> DicomImage.depth(positions.get(i), cosines)));
        return new FrameOrder(sorted, positions.get(sorted.get(0)), orientation);
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1);
    }
}
