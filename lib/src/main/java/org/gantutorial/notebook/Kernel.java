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
        return JJavaDisplay.kernelRunning();
    }
}
