package org.gantutorial.metrics;

import org.gantutorial.HeadPhantoms;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemorisationCheckTest {

    @Test
    void flagsAPlantedExactCopyAndFindsItsTwin() {
        var training = HeadPhantoms.generate(300, 32, 1);
        var fresh = HeadPhantoms.generate(20, 32, 2);
        var generated = Nd4j.concat(0, fresh, training.get(NDArrayIndex.interval(123, 124)));

        var check = MemorisationCheck.run(generated, training, 200, 3);

        assertArrayEquals(new int[] {20}, check.nearCopies(), "only the planted copy is flagged");
        assertEquals(123, check.twins()[20]);
        assertEquals(0, check.distances()[20], 1e-6);
        assertTrue(check.threshold() > 0);
        assertEquals("1/21", check.summary());
    }
}
