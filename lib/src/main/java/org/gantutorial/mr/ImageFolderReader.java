package org.gantutorial.mr;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** PNG and JPEG slices, e.g. a MedNIST-style class folder: one volume per folder, in file-name order. */
final class ImageFolderReader {
    private record Slice(Path file, ImageProcessor pixels) {
        String size() {
            return pixels.getWidth() + "x" + pixels.getHeight();
        }
    }

    private ImageFolderReader() {
    }

    static boolean handles(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    /** One greyscale slice as floats; colour images are averaged to grey. */
    private static ImageProcessor read(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new MrLoadException(file, "is not a readable PNG or JPEG image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new MrLoadException(file, "is not a readable PNG or JPEG image");
        }
        return new ImagePlus(file.getFileName().toString(), image).getProcessor().convertToFloatProcessor();
    }

    /** The images of one folder as a volume, or null when none could be read (all are in {@code skipped}). */
    static MrVolume volume(Path folder, List<Path> files, List<MrLoadException> skipped) {
        var slices = new ArrayList<Slice>();
        for (Path file : files) {
            try {
                slices.add(new Slice(file, read(file)));
            } catch (MrLoadException e) {
                skipped.add(e);
            }
        }
        if (slices.isEmpty()) {
            return null;
        }
        List<Slice> kept = SameSize.keepMostCommon(slices, Slice::size, Slice::file, "folder", skipped);
        ImageProcessor first = kept.get(0).pixels();
        return new MrVolume(folder.getFileName().toString(), "MR", first.getWidth(), first.getHeight(),
                kept.stream().map(s -> (float[]) s.pixels().getPixels()).toList(), new HeaderSummary(List.of(
                        new HeaderSummary.Field("Format", "PNG/JPEG images", false),
                        new HeaderSummary.Field("Size", kept.get(0).size(), false),
                        new HeaderSummary.Field("Slices", Integer.toString(kept.size()), false))));
    }
}
