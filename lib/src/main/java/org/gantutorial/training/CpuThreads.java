package org.gantutorial.training;

import org.nd4j.linalg.factory.Nd4j;

/** Thread settings for the CPU backend. */
public final class CpuThreads {
    private CpuThreads() {
    }

    /**
     * For the 1D GAN's tiny matrices (64 x 64): one OpenBLAS thread. With more, BLAS threads fight
     * ND4J's own threads for the cores and an iteration takes about three times longer; and one
     * ND4J thread, because splitting a 64 x 64 operation costs more than it saves, far more so on a busy machine.
     */
    public static void forTinyNetworks() {
        Nd4j.factory().blas().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
    }
}
