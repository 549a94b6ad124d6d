package org.gantutorial.fast;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jCpu;

/**
 * DL4J's oneDNN layer helpers run convolutions, transpose convolutions and batch norm through
 * the native oneDNN library instead of DL4J's own im2col code: about five times faster for the
 * image GAN on CPU. The same switch lets ND4J's convolution ops, which this package's fast layers
 * call, take oneDNN's path. DL4J 1.0.0-M2.1 leaves them off by default and its readiness check is
 * broken (see {@link Nd4jCpu}); {@link #enable()} switches them on where the loaded ND4J build has
 * oneDNN and leaves the plain path everywhere else.
 * <p>
 * Helpers are attached when a layer is created, so call this before building networks
 * ({@code Tutorial.setUp} does, once, at the top of every notebook and command).
 */
public final class OneDnnHelpers {
    /** The system property DL4J reads each time it creates a layer helper. */
    public static final String DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private OneDnnHelpers() {
    }

    /**
     * Switches the helpers on unless the user turned them off with
     * {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true} or {@code GAN_ONEDNN=0}.
     *
     * @return true when layers built from now on use oneDNN
     */
    public static boolean enable() {
        if (!available() || turnedOffByUser()) {
            return false;
        }
        setEnabled(true);
        return true;
    }

    /** Switches the helpers on or off for layers built from now on (tests compare both paths). */
    public static void setEnabled(boolean on) {
        System.setProperty(DISABLE_PROPERTY, String.valueOf(!on));
        Nd4j.getEnvironment().allowHelpers(on);
    }

    /** True when the helpers are switched on and the loaded ND4J build includes oneDNN. */
    public static boolean active() {
        return available() && !Boolean.parseBoolean(System.getProperty(DISABLE_PROPERTY, "true"))
                && Nd4j.getEnvironment().helpersAllowed();
    }

    /** True when the ND4J native build that loaded includes oneDNN. */
    public static boolean available() {
        try {
            return Nd4jCpu.Environment.getInstance().isUseMKLDNN();
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** DL4J's own default is "disabled" when the property is absent; only an explicit "true" is a choice. */
    private static boolean turnedOffByUser() {
        return "0".equals(System.getenv("GAN_ONEDNN")) || "true".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY));
    }
}
