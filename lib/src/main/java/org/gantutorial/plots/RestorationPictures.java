package org.gantutorial.plots;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Notebook 08's side-by-side pictures: one row per chosen slice, one column per version of it
 * (degraded input, restorations, truth, difference maps), each column captioned; marked pixels (an
 * {@code InventedStructure} mask) are painted red over a column's greys.
 */
public final class RestorationPictures {
    private static final int GAP = 4;
    private static final int HEADER = 20;
    private static final Color MARK = new Color(230, 30, 30);

    private RestorationPictures() {
    }

    /**
     * A column of the table: a caption, a set of slices [N, 1, S, S] in [-1, 1], and an optional mask
     * of the same shape (1 where a pixel is painted red).
     */
    public record Column(String caption, INDArray slices, INDArray marks) {
        public static Column of(String caption, INDArray slices) {
            return new Column(caption, slices, null);
        }

        public static Column marked(String caption, INDArray slices, INDArray marks) {
            return new Column(caption, slices, marks);
        }
    }

    /**
     * The absolute difference of two sets as a picture: black where they agree, white where they
     * differ by {@code full} or more (on the [-1, 1] scale), in [-1, 1] like a slice.
     */
    public static INDArray difference(INDArray a, INDArray b, double full) {
        INDArray scaled = Transforms.abs(a.sub(b), false).muli(2 / full).subi(1);
        return Transforms.min(scaled, 1, false);
    }

    /** The rows {@code slices} of every column, side by side, each pixel drawn {@code scale} x {@code scale}. */
    public static BufferedImage table(List<Column> columns, int[] slices, int scale) {
        int side = (int) columns.get(0).slices().size(3);
        int cell = side * scale;
        var picture = new BufferedImage(columns.size() * (cell + GAP) - GAP, HEADER + slices.length * (cell + GAP) - GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int c = 0; c < columns.size(); c++) {
            g.drawString(columns.get(c).caption(), c * (cell + GAP) + 2, 14);
        }
        g.dispose();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            for (int r = 0; r < slices.length; r++) {
                draw(picture, column, slices[r], side, scale, c * (cell + GAP), HEADER + r * (cell + GAP));
            }
        }
        return picture;
    }

    private static void draw(BufferedImage picture, Column column, int slice, int side, int scale, int left, int top) {
        float[] pixels = column.slices().slice(slice).reshape(-1).toFloatVector();
        float[] marks = column.marks() == null ? null : column.marks().slice(slice).reshape(-1).toFloatVector();
        for (int y = 0; y < side * scale; y++) {
            for (int x = 0; x < side * scale; x++) {
                int p = (y / scale) * side + x / scale;
                int grey = Math.max(0, Math.min(255, Math.round((pixels[p] + 1f) * 127.5f)));
                int rgb = marks != null && marks[p] > 0.5f ? MARK.getRGB() : new Color(grey, grey, grey).getRGB();
                picture.setRGB(left + x, top + y, rgb);
            }
        }
    }
}
