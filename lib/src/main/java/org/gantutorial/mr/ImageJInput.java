package org.gantutorial.mr;

import ij.IJ;
import ij.ImagePlus;
import ij.Prefs;
import ij.plugin.DICOM;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

/**
 * What ImageJ's DICOM reader ({@link DICOM}) is given: the file itself, or bytes rebuilt from it
 * in memory (a missing preamble added, a deflated data set inflated, compressed pixel data left
 * out). Every ImageJ failure becomes an {@link MrLoadException} naming the file.
 *
 * @param bytes the rebuilt file, or null to let ImageJ read {@code file}
 */
record ImageJInput(Path file, byte[] bytes, long length) {
    static {
        // ImageJ opens dialogs for errors unless AWT is headless.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // With a rescale slope other than 1 ImageJ converts through its GUI command layer, which fails
        // headless; Rescale applies slope and intercept instead.
        Prefs.ignoreRescaleSlope = true;
    }

    static ImageJInput of(Path file, long length) {
        return new ImageJInput(file, null, length);
    }

    static ImageJInput of(Path file, byte[] bytes) {
        return new ImageJInput(file, bytes, bytes.length);
    }

    /** ImageJ's header listing, one {@code GGGG,EEEE  Name: value} line per element. */
    String header() {
        String header;
        try {
            header = dicom().getInfo(file.toString());
        } catch (RuntimeException | OutOfMemoryError e) {
            // A corrupt element length makes ImageJ's parser fail (negative or huge array sizes).
            throw new MrLoadException(file, "has a corrupt DICOM header (ImageJ failed with "
                    + e.getClass().getSimpleName() + ")");
        }
        if (header == null || header.isBlank()) {
            throw new MrLoadException(file, "is not a DICOM file (ImageJ found no DICOM header in it)");
        }
        return header;
    }

    ImagePlus open() {
        IJ.getErrorMessage();
        DICOM dicom = dicom();
        try {
            dicom.open(file.toString());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new MrLoadException(file, "could not be decoded by ImageJ (" + e.getClass().getSimpleName() + ")");
        }
        if (dicom.getWidth() == 0) {
            String message = IJ.getErrorMessage();
            throw new MrLoadException(file, "could not be decoded by ImageJ"
                    + (message == null ? "" : " (" + message.replace('\n', ' ').trim() + ")"));
        }
        return dicom;
    }

    private DICOM dicom() {
        return bytes == null ? new DICOM() : new DICOM(new ByteArrayInputStream(bytes));
    }
}
