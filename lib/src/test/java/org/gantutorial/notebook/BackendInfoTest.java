package org.gantutorial.notebook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackendInfoTest {
    @Test
    void theTableNamesTheBlasLibraryAndItsKernel() {
        var info = BackendInfo.detect();
        assertTrue(info.rows().containsKey("BLAS kernel"), info.toString());
        assertEquals(BackendInfo.blasKernel(info.blas(), System.getenv("OPENBLAS_CORETYPE")), info.blasKernel());
    }

    @Test
    void saysWhoChoseTheKernel() {
        assertEquals("SKYLAKEX (OPENBLAS_CORETYPE)", BackendInfo.blasKernel("OPENBLAS", "SKYLAKEX"));
        assertTrue(BackendInfo.blasKernel("OPENBLAS", null).contains("CPU model"));
        assertTrue(BackendInfo.blasKernel("MKL", "SKYLAKEX").contains("MKL"));
    }
}
