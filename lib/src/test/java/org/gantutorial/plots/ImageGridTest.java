package org.gantutorial.plots;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageGridTest {

    @Test
    void laysOutImagesInRowsAndMapsMinusOneToBlackAndOneToWhite() {
        var images = Nd4j.zeros(3, 1, 2, 2);
        images.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(-1);
        images.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)).assign(1);

        var grid = ImageGrid.of(images, 2, 3);

        assertEquals(2 * 6 + 2, grid.getWidth());
        assertEquals(2 * 6 + 2, grid.getHeight());
        assertEquals(0, grid.getRaster().getSample(0, 0, 0));
        assertEquals(255, grid.getRaster().getSample(8 + 5, 5, 0));
        assertEquals(128, grid.getRaster().getSample(2, 8 + 2, 0));
        assertEquals(255, grid.getRaster().getSample(6, 0, 0), "the gap between images is white");
    }
}
