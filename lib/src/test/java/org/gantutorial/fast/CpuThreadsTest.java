package org.gantutorial.fast;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CpuThreadsTest {
    @Test
    void theImageGanGetsBackTheThreadsThe1dGanGaveUp() {
        CpuThreads.forImageNetworks();
        int threads = Nd4j.getEnvironment().maxMasterThreads();
        int blasThreads = Nd4j.factory().blas().getMaxThreads();

        CpuThreads.forTinyNetworks();
        assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
        assertEquals(1, Nd4j.factory().blas().getMaxThreads());

        // ./gan bench times the 1D GAN first: without this, the image GAN ran on one thread after it.
        CpuThreads.forImageNetworks();
        assertEquals(threads, Nd4j.getEnvironment().maxMasterThreads());
        assertEquals(blasThreads, Nd4j.factory().blas().getMaxThreads());
    }
}
