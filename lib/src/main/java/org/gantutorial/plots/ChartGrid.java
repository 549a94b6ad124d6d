package org.gantutorial.plots;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Several charts as one picture, row by row (XChart draws one chart per image). */
public final class ChartGrid {
    private ChartGrid() {
    }

    public static BufferedImage of(List<? extends Chart<?, ?>> charts, int columns) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("There are no charts to put in a grid.");
        }
        List<BufferedImage> images = charts.stream().map(BitmapEncoder::getBufferedImage).toList();
        int cellW = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int cellH = images.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        var grid = new BufferedImage(cols * cellW, rows * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % cols) * cellW, (i / cols) * cellH, null);
        }
        g.dispose();
        return grid;
    }
}
