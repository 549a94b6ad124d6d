package org.gantutorial.plots;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The frames of a training GIF, each written to a PNG file in a folder as training makes it:
 * nothing piles up in memory over a long run, and a resumed run adds to the frames of the first.
 * A frame of the same iteration replaces the earlier one.
 */
public final class GifFrames {
    private static final String PREFIX = SyntheticImages.PREFIX + "frame-";

    private final Path folder;

    public GifFrames(Path folder) {
        this.folder = folder;
    }

    /** Keeps {@code frame} as the picture of {@code iteration}. */
    public void add(int iteration, BufferedImage frame) {
        try {
            Files.createDirectories(folder);
            ImageIO.write(frame, "png", folder.resolve(String.format("%s%07d.png", PREFIX, iteration)).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a GIF frame into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the frames of iterations after {@code iteration}: they belong to another run. */
    public void dropAfter(int iteration) {
        for (Path file : files()) {
            if (iterationOf(file) > iteration) {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not delete the old GIF frame " + file + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Every frame so far, in the order of their iterations, each read from its file only when asked for:
     * a long run's frames at 256x256 do not fit in a classroom's heap all at once.
     */
    public List<BufferedImage> all() {
        List<Path> files = files();
        return new AbstractList<>() {
            @Override
            public BufferedImage get(int index) {
                return read(files.get(index));
            }

            @Override
            public int size() {
                return files.size();
            }
        };
    }

    private static BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the GIF frame " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes every frame so far as a looping GIF, {@code frameMillis} per frame. */
    public void writeGif(Path file, int frameMillis) throws IOException {
        AnimatedGif.write(all(), file, frameMillis);
    }

    /**
     * The top {@code band} pixels of {@code count} evenly spaced frames, the first to the last, one
     * under the other: with a band of one grid row, the same noise vectors growing into slices.
     */
    public BufferedImage stack(int count, int band) {
        List<BufferedImage> all = all();
        if (all.isEmpty()) {
            throw new IllegalStateException("No frames in " + folder + " yet; train first.");
        }
        int shown = Math.min(count, all.size());
        int width = all.get(0).getWidth();
        var out = new BufferedImage(width, shown * band, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        for (int k = 0; k < shown; k++) {
            BufferedImage frame = all.get(shown == 1 ? all.size() - 1 : k * (all.size() - 1) / (shown - 1));
            g.drawImage(frame.getSubimage(0, 0, frame.getWidth(), Math.min(band, frame.getHeight())), 0, k * band, null);
        }
        g.dispose();
        return out;
    }

    private static int iterationOf(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(PREFIX.length(), name.length() - ".png".length()));
    }

    private List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches(PREFIX + "\\d+\\.png")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the GIF frames in " + folder + ": " + e.getMessage(), e);
        }
    }
}
