package org.gantutorial;

import org.gantutorial.fast.CpuThreads;
import org.deeplearning4j.util.CrashReportingUtil;
import org.gantutorial.fast.OneDnnHelpers;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Settings every notebook shares. {@link #setUp} fits ND4J to the networks a notebook trains, once,
 * in its imports cell. Quick mode (environment variable {@code GAN_QUICK=1}, set by {@code ./gan test})
 * shortens training so the whole tutorial runs in minutes while still executing every cell.
 */
public final class Tutorial {
    private Tutorial() {
    }

    /** The networks a notebook or command trains, which decide ND4J's thread settings. */
    public enum Networks {
        /** The 1D GAN's 64 x 64 layers: one thread, because splitting such small products costs more than it saves. */
        SMALL,
        /** The image networks: ND4J's own thread count (every core). */
        IMAGE
    }

    /** What {@link #setUp} settled: ND4J's thread count and whether oneDNN runs the convolutions and batch norm. */
    public record Setup(Networks networks, int threads, boolean oneDnn) {
        @Override
        public String toString() {
            return networks + " networks: " + threads + (threads == 1 ? " thread" : " threads") + ", oneDNN " + (oneDnn ? "on" : "off");
        }
    }

    /**
     * Fits ND4J to {@code networks}: its thread counts, and oneDNN's layer helpers switched on where
     * the loaded ND4J build has them (unless turned off with {@code GAN_ONEDNN=0} or
     * {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true}). Call it before building networks
     * (helpers attach when a layer is made); calling it again, with the same or the other networks, is safe.
     * It also switches off DL4J's memory crash dumps: on an out-of-memory error DL4J would otherwise write a
     * {@code dl4j-memory-crash-dump-*.txt} into the working folder, a file no reader of ours can act on.
     */
    public static Setup setUp(Networks networks) {
        CrashReportingUtil.crashDumpsEnabled(false);
        if (networks == Networks.SMALL) {
            CpuThreads.forTinyNetworks();
        } else {
            CpuThreads.forImageNetworks();
        }
        OneDnnHelpers.enable();
        return new Setup(networks, Nd4j.getEnvironment().maxMasterThreads(), OneDnnHelpers.active());
    }

    public static boolean quickMode() {
        String value = System.getenv("GAN_QUICK");
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** {@code full} normally, {@code quick} in quick mode: for iteration counts and dataset sizes. */
    public static int choose(int full, int quick) {
        return quickMode() ? quick : full;
    }
}
