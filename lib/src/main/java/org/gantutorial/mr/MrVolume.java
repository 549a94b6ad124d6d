package org.gantutorial.mr;

import java.util.List;

/**
 * A stack of axial slices of one scan in physical intensity units (rescale applied), each
 * slice {@code width x height} floats in row-major order, top row anterior, first column the
 * patient's right (the radiological view).
 *
 * @param name     where it came from, e.g. the series description or the file name
 * @param modality DICOM modality ("MR", "CT", ...), or "MR" for formats that do not record it
 */
public record MrVolume(String name, String modality, int width, int height, List<float[]> slices,
                       HeaderSummary header) {
    public MrVolume {
        slices = List.copyOf(slices);
    }

    public int depth() {
        return slices.size();
    }
}
