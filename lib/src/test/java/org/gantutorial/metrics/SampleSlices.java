package org.gantutorial.metrics;

import org.gantutorial.mr.LabelledSlices;

/** The sample scans at 32x32, every level, each slice also mirrored, labelled by scan: loaded once for all the tests. */
final class SampleSlices {
    private static LabelledSlices slices;

    private SampleSlices() {
    }

    static synchronized LabelledSlices atThirtyTwo() {
        if (slices == null) {
            slices = LabelledSlices.sampleData(32);
        }
        return slices;
    }
}
