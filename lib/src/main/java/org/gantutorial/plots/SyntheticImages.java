package org.gantutorial.plots;

import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PNG export of generated slices. Every file name starts with "SYNTHETIC-" so a generated
 * slice can never be mistaken for a patient's image once it leaves the notebook; with a
 * {@link Provenance}, the file also says so inside (PNG text chunks: synthetic, model, seed, date).
 */
public final class SyntheticImages {
    public static final String PREFIX = "SYNTHETIC-";

    private SyntheticImages() {
    }

    /** Writes each slice of [N, 1, H, W] (in [-1, 1]) as its own greyscale PNG; returns the files. */
    public static List<Path> writePngs(INDArray slices, Path folder, String name) throws IOException {
        return writePngs(slices, folder, name, null);
    }

    /**
     * As {@link #writePngs(INDArray, Path, String)}, and each file also records inside it that it is
     * synthetic, with {@code provenance}'s model, seed and date (PNG tEXt chunks, see {@link SyntheticPng}).
     */
    public static List<Path> writePngs(INDArray slices, Path folder, String name, Provenance provenance) throws IOException {
        Files.createDirectories(folder);
        var files = new ArrayList<Path>();
        for (int i = 0; i < slices.size(0); i++) {
            Path file = folder.resolve(String.format("%s%s-%03d.png", PREFIX, name, i + 1));
            var picture = ImageGrid.of(slices.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1)), 1, 1);
            if (provenance == null) {
                ImageIO.write(picture, "png", file.toFile());
            } else {
                SyntheticPng.write(picture, file, provenance);
            }
            files.add(file);
        }
        return files;
    }

    /** Writes one picture made from generated slices (a grid) under a SYNTHETIC- file name. */
    public static Path writePicture(java.awt.image.BufferedImage picture, Path folder, String name) throws IOException {
        return writePicture(picture, folder, name, null);
    }

    /** As {@link #writePicture(java.awt.image.BufferedImage, Path, String)}, with {@code provenance} recorded in the file. */
    public static Path writePicture(java.awt.image.BufferedImage picture, Path folder, String name, Provenance provenance) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(PREFIX + name + ".png");
        if (provenance == null) {
            ImageIO.write(picture, "png", file.toFile());
        } else {
            SyntheticPng.write(picture, file, provenance);
        }
        return file;
    }
}
