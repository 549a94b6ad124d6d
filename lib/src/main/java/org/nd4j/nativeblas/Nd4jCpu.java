package org.nd4j.nativeblas;

/**
 * Repairs DL4J 1.0.0-M2.1's readiness check for its oneDNN layer helpers.
 * {@code BaseMKLDNNHelper.mklDnnEnabled()} looks this class up by name and calls
 * {@code Environment.getInstance().isUseMKLDNN()} by reflection, but M2.1 moved that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and renamed the method
 * {@code isUseONEDNN()}, so the check always failed and convolutions ran on the slow
 * im2col path. This class answers under the old name with the native library's real answer:
 * true only when the loaded ND4J build includes oneDNN. Switched on by
 * {@link org.gantutorial.fast.OneDnnHelpers}.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The old name of ND4J's native environment; only what the readiness check calls. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
