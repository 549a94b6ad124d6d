package org.gantutorial.fast;

import org.nd4j.linalg.factory.Nd4j;

/** Thread settings for the CPU backend. */
public final class CpuThreads {
    // ND4J's own choices for this machine, read before anything here changes them.
    private static final int BLAS_THREADS = Nd4j.factory().blas().getMaxThreads();
    private static final int MASTER_THREADS = Nd4j.getEnvironment().maxMasterThreads();

    private CpuThreads() {
    }

    /**
     * For the 1D GAN's tiny matrices (64 x 64): one OpenBLAS thread. With more, BLAS threads fight
     * ND4J's own threads for the cores and an iteration takes about three times longer; and one
     * ND4J thread, because splitting a 64 x 64 operation costs more than it saves, far more so on a busy machine.
     */
    public static void forTinyNetworks() {
        Nd4j.factory().blas().setMaxThreads(1);
        // ND4J's loops follow the master-thread count; its plain setMaxThreads does nothing in this version.
        Nd4j.getEnvironment().setMaxMasterThreads(1);
    }

    /**
     * For the image GAN: ND4J's defaults (every core), undoing {@link #forTinyNetworks()} when both
     * GANs run in one JVM. With one thread the image GAN's batch norm and updates ran a fifth slower.
     */
    public static void forImageNetworks() {
        Nd4j.factory().blas().setMaxThreads(BLAS_THREADS);
        Nd4j.getEnvironment().setMaxMasterThreads(MASTER_THREADS);
    }
}
