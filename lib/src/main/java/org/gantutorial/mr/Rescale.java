package org.gantutorial.mr;

/**
 * Stored pixel values to physical ones (Part 3, C.11.1): value × Rescale Slope + Rescale Intercept.
 * A MONOCHROME1 image stores bright as low, so its values are first mirrored within the range its
 * bits can hold: after this, high means bright in every image, as the normalisation expects.
 */
record Rescale(double slope, double intercept, boolean mirror, double mirrorSum) {

    static Rescale of(String header, PixelFormat format) {
        double slope = DicomReader.decimal(header, "0028,1053", 1);
        double intercept = DicomReader.decimal(header, "0028,1052", 0);
        boolean mirror = format.samples() == 1 && format.monochrome1();
        // Lowest plus highest storable value: 2^b - 1 unsigned, -1 signed (two's complement).
        double sum = format.signed() ? -1 : Math.pow(2, format.bitsStored()) - 1;
        return new Rescale(slope, intercept, mirror, sum);
    }

    float apply(double stored) {
        return (float) (slope * (mirror ? mirrorSum - stored : stored) + intercept);
    }
}
