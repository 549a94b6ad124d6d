package org.gantutorial.mr;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a voxel grid into axial slices in the radiological view whatever the file's storage order:
 * each voxel axis is matched to the world axis it points along (x right, y anterior, z superior),
 * then slices run inferior to superior, rows anterior to posterior, columns right to left.
 */
final class AxialSlicer {
    /** The slices and their size. */
    record Slices(int width, int height, List<float[]> slices) {
    }

    private AxialSlicer() {
    }

    /**
     * @param voxels     values with axis 0 varying fastest
     * @param dims       voxel counts along axes 0, 1, 2
     * @param directions world direction (x, y, z; right-anterior-superior) of each voxel axis
     */
    static Slices slice(float[] voxels, int[] dims, double[][] directions) {
        int[] axisFor = new int[3];
        boolean[] positive = new boolean[3];
        boolean[] used = new boolean[3];
        for (int axis = 0; axis < 3; axis++) {
            int world = dominant(directions[axis]);
            if (used[world]) {
                return slice(voxels, dims, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
            }
            used[world] = true;
            axisFor[world] = axis;
            positive[world] = directions[axis][world] > 0;
        }
        int columnAxis = axisFor[0];
        int rowAxis = axisFor[1];
        int sliceAxis = axisFor[2];
        int[] stride = {1, dims[0], dims[0] * dims[1]};
        int width = dims[columnAxis];
        int height = dims[rowAxis];
        var slices = new ArrayList<float[]>();
        for (int s = 0; s < dims[sliceAxis]; s++) {
            int sv = positive[2] ? s : dims[sliceAxis] - 1 - s;
            float[] slice = new float[width * height];
            for (int r = 0; r < height; r++) {
                // Rows go anterior to posterior, columns from the patient's right to left.
                int rv = positive[1] ? height - 1 - r : r;
                for (int c = 0; c < width; c++) {
                    int cv = positive[0] ? width - 1 - c : c;
                    slice[r * width + c] = voxels[sv * stride[sliceAxis] + rv * stride[rowAxis] + cv * stride[columnAxis]];
                }
            }
            slices.add(slice);
        }
        return new Slices(width, height, slices);
    }

    /**
     * The voxel axes' world directions for an orientation code such as {@code LAS}: each letter
     * names where one voxel axis points (R/L, A/P, S/I), as radiology viewers and FSL write it.
     *
     * @throws IllegalArgumentException when the code is not one letter from each pair
     */
    static double[][] directions(String code) {
        String pairs = "RLAPSI";
        double[][] axes = new double[3][];
        boolean[] used = new boolean[3];
        for (int axis = 0; axis < 3 && code.length() == 3; axis++) {
            int at = pairs.indexOf(Character.toUpperCase(code.charAt(axis)));
            if (at < 0 || used[at / 2]) {
                break;
            }
            used[at / 2] = true;
            axes[axis] = new double[3];
            axes[axis][at / 2] = at % 2 == 0 ? 1 : -1;
        }
        if (!(used[0] && used[1] && used[2])) {
            throw new IllegalArgumentException("an orientation is three letters, one each from R/L, A/P and S/I "
                    + "(such as LAS), not '" + code + "'");
        }
        return axes;
    }

    private static int dominant(double[] direction) {
        int best = 0;
        for (int w = 1; w < 3; w++) {
            if (Math.abs(direction[w]) > Math.abs(direction[best])) {
                best = w;
            }
        }
        return best;
    }
}
