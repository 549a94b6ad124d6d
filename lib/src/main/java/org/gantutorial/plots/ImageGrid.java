package org.gantutorial.plots;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Greyscale image batches as one picture: a grid of slices, each scaled up for the screen. */
public final class ImageGrid {
    private static final int GAP = 2;

    private ImageGrid() {
    }

    /**
     * @param images  shape [N, 1, H, W] (or [N, H, W]) with values in [-1, 1]
     * @param columns images per row
     * @param scale   screen pixels per image pixel
     */
    public static BufferedImage of(INDArray images, int columns, int scale) {
        int n = (int) images.size(0);
        int h = (int) images.size(images.rank() - 2);
        int w = (int) images.size(images.rank() - 1);
        int rows = (n + columns - 1) / columns;
        int cellW = w * scale + GAP;
        int cellH = h * scale + GAP;
        var grid = new BufferedImage(Math.max(1, columns * cellW - GAP), Math.max(1, rows * cellH - GAP),
                BufferedImage.TYPE_BYTE_GRAY);
        float[][] pixels = images.reshape(n, (long) h * w).toFloatMatrix();
        var raster = grid.getRaster();
        Graphics2D background = grid.createGraphics();
        background.setColor(Color.WHITE);
        background.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        background.dispose();
        for (int i = 0; i < n; i++) {
            int x0 = (i % columns) * cellW;
            int y0 = (i / columns) * cellH;
            for (int y = 0; y < h * scale; y++) {
                for (int x = 0; x < w * scale; x++) {
                    float v = pixels[i][(y / scale) * w + x / scale];
                    raster.setSample(x0 + x, y0 + y, 0, toGrey(v));
                }
            }
        }
        return grid;
    }

    /** A grid of {@code count} of {@code images} drawn at random (seeded), {@code columns} per row. */
    public static BufferedImage randomPick(INDArray images, int count, int columns, int scale, long seed) {
        int[] picks = new java.util.Random(seed).ints(0, (int) images.size(0)).distinct()
                .limit(Math.min(count, images.size(0))).toArray();
        return of(images.reshape(images.size(0), -1).getRows(picks).reshape(picks.length, 1, images.size(2), images.size(3)),
                columns, scale);
    }

    /** Puts a caption above a picture, e.g. "iteration 500". */
    public static BufferedImage captioned(BufferedImage picture, String caption) {
        int band = 22;
        var out = new BufferedImage(picture.getWidth(), picture.getHeight() + band, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(caption, 4, 16);
        g.drawImage(picture, 0, band, null);
        g.dispose();
        return out;
    }

    /** Pictures next to each other, top-aligned, on white (e.g. real slices beside generated ones). */
    public static BufferedImage row(BufferedImage... pictures) {
        int width = -GAP * 4;
        int height = 1;
        for (BufferedImage picture : pictures) {
            width += picture.getWidth() + GAP * 4;
            height = Math.max(height, picture.getHeight());
        }
        var out = new BufferedImage(Math.max(1, width), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        int x = 0;
        for (BufferedImage picture : pictures) {
            g.drawImage(picture, x, 0, null);
            x += picture.getWidth() + GAP * 4;
        }
        g.dispose();
        return out;
    }

    /** Pictures one under the other, left-aligned, on white, with the gap {@link #row} leaves between pictures. */
    public static BufferedImage column(BufferedImage... pictures) {
        int width = 1;
        int height = -GAP * 4;
        for (BufferedImage picture : pictures) {
            width = Math.max(width, picture.getWidth());
            height += picture.getHeight() + GAP * 4;
        }
        var out = new BufferedImage(width, Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        int y = 0;
        for (BufferedImage picture : pictures) {
            g.drawImage(picture, 0, y, null);
            y += picture.getHeight() + GAP * 4;
        }
        g.dispose();
        return out;
    }

    private static int toGrey(float v) {
        int grey = Math.round((v + 1f) * 127.5f);
        return Math.max(0, Math.min(255, grey));
    }
}
