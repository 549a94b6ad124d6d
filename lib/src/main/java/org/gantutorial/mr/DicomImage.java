package org.gantutorial.mr;

import java.nio.file.Path;
import java.util.List;

/**
 * One DICOM file as read by {@link DicomReader}: its frames in slice order and physical units
 * (rescale slope and intercept applied) and the header fields used to group and order a series.
 *
 * @param header      ImageJ's header listing, one {@code GGGG,EEEE  Name: value} line per element
 * @param position    Image Position (Patient) of the first frame, or null when absent
 * @param orientation Image Orientation (Patient), six direction cosines, or null when absent
 */
record DicomImage(Path file, String header, TransferSyntax syntax, String seriesUid, int instance, double[] position,
                  double[] orientation, String modality, int width, int height, List<float[]> frames) {

    /** Distance along the slice normal, which orders a series from one end to the other. */
    double depthAlongNormal() {
        return depth(position, orientation);
    }

    static double depth(double[] position, double[] orientation) {
        double[] r = orientation;
        double[] normal = {r[1] * r[5] - r[2] * r[4], r[2] * r[3] - r[0] * r[5], r[0] * r[4] - r[1] * r[3]};
        return position[0] * normal[0] + position[1] * normal[1] + position[2] * normal[2];
    }
}
