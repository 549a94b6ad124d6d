package org.gantutorial.mr;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns MR volumes into the GAN's training images: keep the slices that show a good part of the
 * head, crop a square around the head, resize, and map a percentile window of intensities to
 * [-1, 1] (the range of the generator's tanh output).
 */
public final class MrSlices {
    /** Normalised intensity above which a pixel counts as head rather than background. */
    static final float HEAD_LEVEL = 0.1f;
    /** Percentiles are estimated from about this many voxels per volume. */
    private static final int PERCENTILE_SAMPLES = 1_000_000;

    private MrSlices() {
    }

    /**
     * The image GAN's training set at {@code size}x{@code size}, shape [N, 1, size, size] in
     * [-1, 1], with each slice's scan: the chosen levels of the whole-head sources, each slice also mirrored left-right.
     * The brain-only MNI average is left out: a GAN with a few minutes of training learns one kind
     * of picture (heads with a skull ring) much sooner than a mix of two.
     */
    public static SliceSet trainingSet(int size, SliceOptions.Levels levels) {
        return sampleData(SliceOptions.DEFAULTS.withSize(size).withFlips(true).withLevels(levels), SampleData.Source::wholeHead);
    }

    /** Every sample source in the cache, with per-source counts. */
    public static SliceSet sampleData(SliceOptions options) {
        return sampleData(options, source -> true);
    }

    /** The sample sources in the cache that {@code wanted} accepts, with per-source counts. */
    public static SliceSet sampleData(SliceOptions options, Predicate<SampleData.Source> wanted) {
        var named = new LinkedHashMap<String, List<MrVolume>>();
        for (SampleData.Source source : SampleData.available()) {
            if (!wanted.test(source)) {
                continue;
            }
            named.put(source.name(), MrLoader.load(SampleData.path(source), source.orientation()).volumes());
        }
        if (named.isEmpty()) {
            throw new IllegalStateException("no sample MR in " + SampleData.cache() + "; run ./gan data");
        }
        return of(named, options);
    }

    /** The slices of every volume under {@code path} (a file or folder); the source is named by the path. */
    public static SliceSet from(Path path, SliceOptions options) {
        return of(Map.of(path.getFileName().toString(), MrLoader.load(path).volumes()), options);
    }

    /** Slices from volumes grouped by source name. */
    public static SliceSet of(Map<String, List<MrVolume>> volumesBySource, SliceOptions options) {
        var images = new ArrayList<INDArray>();
        var sources = new ArrayList<String>();
        var counts = new LinkedHashMap<String, Integer>();
        volumesBySource.forEach((source, volumes) -> {
            int before = sources.size();
            for (MrVolume volume : volumes) {
                INDArray prepared = prepare(volume, options);
                images.add(prepared);
                sources.addAll(Collections.nCopies((int) prepared.size(0), source));
            }
            counts.put(source, sources.size() - before);
        });
        INDArray all = images.isEmpty() ? Nd4j.create(0, 1, options.size(), options.size())
                : Nd4j.concat(0, images.toArray(INDArray[]::new));
        return new SliceSet(all, sources, counts);
    }

    /** One volume's training slices: [n, 1, size, size] in [-1, 1]. */
    public static INDArray prepare(MrVolume volume, SliceOptions options) {
        float[] window = window(volume, options);
        List<float[]> kept = HeadProfile.of(volume, window).kept(options).stream()
                .map(i -> normalise(volume.slices().get(i), window)).toList();
        int[] box = headBox(kept, volume.width(), volume.height());
        int s = options.size();
        int copies = options.flips() ? 2 : 1;
        float[] data = new float[kept.size() * copies * s * s];
        int at = 0;
        for (float[] slice : kept) {
            float[] square = squareAround(slice, volume.width(), volume.height(), box, options.margin(), s);
            for (int copy = 0; copy < copies; copy++) {
                for (int y = 0; y < s; y++) {
                    for (int x = 0; x < s; x++) {
                        float v = square[y * s + (copy == 0 ? x : s - 1 - x)];
                        data[at++] = Math.max(-1, Math.min(1, 2 * v - 1));
                    }
                }
            }
        }
        return Nd4j.create(data, new long[] {kept.size() * (long) copies, 1, s, s}, 'c');
    }

    /** The head level of each slice that {@link #prepare} returns for {@code options}, in the same order (mirror images too). */
    public static List<HeadLevel> levels(MrVolume volume, SliceOptions options) {
        var profile = HeadProfile.of(volume, window(volume, options));
        int copies = options.flips() ? 2 : 1;
        return profile.kept(options).stream().flatMap(i -> Collections.nCopies(copies, profile.level(i)).stream()).toList();
    }

    /** Every slice of a volume at full size, window-normalised to [-1, 1]: [depth, 1, height, width]. */
    public static INDArray fullSize(MrVolume volume, SliceOptions options) {
        float[] window = window(volume, options);
        int pixels = volume.width() * volume.height();
        float[] data = new float[volume.depth() * pixels];
        for (int i = 0; i < volume.depth(); i++) {
            float[] slice = normalise(volume.slices().get(i), window);
            for (int p = 0; p < pixels; p++) {
                data[i * pixels + p] = 2 * slice[p] - 1;
            }
        }
        return Nd4j.create(data, new long[] {volume.depth(), 1, volume.height(), volume.width()}, 'c');
    }

    /** The intensities mapped to -1 and +1: the volume's low and high percentiles. */
    public static float[] window(MrVolume volume, SliceOptions options) {
        long total = (long) volume.depth() * volume.width() * volume.height();
        int step = (int) Math.max(1, total / PERCENTILE_SAMPLES);
        float[] sample = new float[(int) ((total + step - 1) / step)];
        int n = 0;
        for (long i = 0; i < total; i += step) {
            float[] slice = volume.slices().get((int) (i / (volume.width() * volume.height())));
            sample[n++] = slice[(int) (i % slice.length)];
        }
        Arrays.sort(sample, 0, n);
        float low = sample[(int) Math.round(options.lowPercentile() / 100 * (n - 1))];
        float high = sample[(int) Math.round(options.highPercentile() / 100 * (n - 1))];
        return new float[] {low, high > low ? high : low + 1};
    }

    private static float[] normalise(float[] slice, float[] window) {
        float[] out = new float[slice.length];
        float scale = 1 / (window[1] - window[0]);
        for (int i = 0; i < slice.length; i++) {
            float v = (slice[i] - window[0]) * scale;
            out[i] = Float.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
        }
        return out;
    }

    /**
     * The head's bounding box {x0, y0, x1, y1} over all kept slices, so every slice of a volume is cut
     * at the same scale; rows and columns with only a few head pixels (noise) are ignored.
     */
    private static int[] headBox(List<float[]> slices, int width, int height) {
        int[] columns = new int[width];
        int[] rows = new int[height];
        for (float[] slice : slices) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (slice[y * width + x] > HEAD_LEVEL) {
                        columns[x]++;
                        rows[y]++;
                    }
                }
            }
        }
        int[] xs = extent(columns);
        int[] ys = extent(rows);
        return new int[] {xs[0], ys[0], xs[1], ys[1]};
    }

    private static int[] extent(int[] profile) {
        int peak = Arrays.stream(profile).max().orElse(0);
        int first = 0;
        int last = profile.length - 1;
        if (peak == 0) {
            return new int[] {first, last};
        }
        while (profile[first] < 0.02 * peak) {
            first++;
        }
        while (profile[last] < 0.02 * peak) {
            last--;
        }
        return new int[] {first, last};
    }

    /** A square around the head box (background beyond the image), resized to sizexsize. */
    private static float[] squareAround(float[] slice, int width, int height, int[] box, double margin, int size) {
        int side = (int) Math.round(Math.max(box[2] - box[0] + 1, box[3] - box[1] + 1) * (1 + 2 * margin));
        int left = (box[0] + box[2] + 1) / 2 - side / 2;
        int top = (box[1] + box[3] + 1) / 2 - side / 2;
        var square = new FloatProcessor(side, side);
        for (int y = 0; y < side; y++) {
            int sy = top + y;
            for (int x = 0; x < side && sy >= 0 && sy < height; x++) {
                int sx = left + x;
                if (sx >= 0 && sx < width) {
                    square.setf(x, y, slice[sy * width + sx]);
                }
            }
        }
        square.setInterpolationMethod(ImageProcessor.BILINEAR);
        return (float[]) square.resize(size, size, true).getPixels();
    }
}
