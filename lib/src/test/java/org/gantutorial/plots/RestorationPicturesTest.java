package org.gantutorial.plots;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.Color;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestorationPicturesTest {

    @Test
    void aTableShowsTheChosenRowsOfEachColumnAndPaintsMarkedPixelsRed() {
        var dark = Nd4j.valueArrayOf(new long[] {3, 1, 4, 4}, -1.0, DataType.FLOAT);
        var light = Nd4j.valueArrayOf(new long[] {3, 1, 4, 4}, 1.0, DataType.FLOAT);
        var marks = Nd4j.zeros(DataType.FLOAT, 3, 1, 4, 4);
        marks.putScalar(new long[] {2, 0, 1, 3}, 1);

        var table = RestorationPictures.table(List.of(RestorationPictures.Column.of("input", dark),
                RestorationPictures.Column.marked("output", light, marks)), new int[] {2, 0}, 2);

        assertEquals(2 * 8 + 4, table.getWidth(), "two columns of 4 pixels drawn 2x2, a gap between");
        assertEquals(20 + 2 * 8 + 4, table.getHeight(), "a caption band, then two rows");
        assertEquals(Color.BLACK.getRGB(), table.getRGB(0, 20));
        assertEquals(Color.WHITE.getRGB(), table.getRGB(12, 20));
        assertEquals(new Color(230, 30, 30).getRGB(), table.getRGB(12 + 6, 20 + 2), "row 1 of the table is slice 2: its mark");
        assertEquals(Color.WHITE.getRGB(), table.getRGB(12 + 6, 20 + 12 + 2), "slice 0 has none");
    }

    @Test
    void aDifferenceMapIsBlackWhereSlicesAgreeAndWhiteFromTheFullDifferenceOn() {
        var a = Nd4j.createFromArray(new float[] {0, 0.25f, 0.5f, 1}).reshape(1, 1, 2, 2);
        var b = Nd4j.zeros(DataType.FLOAT, 1, 1, 2, 2);
        var map = RestorationPictures.difference(a, b, 0.5);
        assertEquals(Nd4j.createFromArray(new float[] {-1, 0, 1, 1}).reshape(1, 1, 2, 2), map);
    }
}
