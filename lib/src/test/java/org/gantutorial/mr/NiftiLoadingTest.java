package org.gantutorial.mr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
