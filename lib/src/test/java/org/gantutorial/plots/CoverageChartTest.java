package org.gantutorial.plots;

import org.gantutorial.metrics.ScanCoverage;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoverageChartTest {

    @Test
    void drawsARealAndAGeneratedBarPerScanInPercent() {
        var coverage = new ScanCoverage(List.of("colin27", "almi5"), new double[] {0.5, 0.5}, new double[] {0.75, 0.25});

        var chart = CoverageChart.of(coverage);

        var generated = chart.getSeriesMap().get("generated slices nearest to it");
        assertEquals(List.of("colin27", "almi5"), generated.getXData());
        assertEquals(List.of(75.0, 25.0), generated.getYData());
        assertEquals(List.of(50.0, 50.0), chart.getSeriesMap().get("real slices of the scan").getYData());
        assertEquals(680, BitmapEncoder.getBufferedImage(chart).getWidth());
    }
}
