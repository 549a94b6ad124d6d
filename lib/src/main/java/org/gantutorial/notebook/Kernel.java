package org.gantutorial.notebook;

/**
 * Tells whether this code runs inside the JJava notebook kernel, so the library can
 * show charts and progress in place there and fall back to the console elsewhere (CLI, tests).
 */
public final class Kernel {
    private Kernel() {
    }

    /** True when a JJava kernel is executing the current cell. */
    public static boolean active() {
        try {
            Class.forName("org.dflib.jjava.jupyter.kernel.BaseKernel");
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        try {
            return JJavaDisplay.kernelRunning();
        } catch (RuntimeException e) {
            // JJava's classes are present (tests compile against them) but no kernel started: it throws.
            return false;
        }
    }
}
