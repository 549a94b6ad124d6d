package org.gantutorial.training;

import java.util.Random;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.notebook.LiveView;
import org.gantutorial.plots.ChartGrid;
import org.gantutorial.plots.GifFrames;
import org.gantutorial.plots.ImageGrid;
import org.gantutorial.plots.TrainingCharts;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * What the image GAN's training loop shows while it runs, each picture replaced in place: real
 * slices beside the (averaged) generator's slices for one fixed noise batch, so the learner watches
 * the same 64 "patients" grow from noise into heads, and the curves of the run. Every picture of
 * the generated slices is also kept as a frame of the training GIF.
 */
public final class ImageDashboard {
    private static final int GRID = 64;
    private static final int COLUMNS = 8;
    private static final long FIXED_NOISE_SEED = 1234;
    private static final int CAPTION = 22;

    private final DcganConfig config;
    private final INDArray fixedNoise;
    private final INDArray realShown;
    private final GifFrames frames;
    private final int scale;
    private final LiveView slicesView = LiveView.create();
    private final LiveView curvesView = LiveView.create();

    /**
     * Shows {@code swd}'s real slices beside {@code gan}'s generated ones; keeps the GIF frames in
     * {@code output}/frames, dropping those of a run that went further than {@code gan} (a fresh
     * start, or the tail after a resumed checkpoint).
     */
    public ImageDashboard(ImageGan gan, SwdMeter swd, Path output) {
        this.config = gan.config();
        this.fixedNoise = config.noise(GRID, new Random(FIXED_NOISE_SEED));
        INDArray real = swd.realSlices();
        this.realShown = real.get(NDArrayIndex.interval(0, Math.min(GRID, real.size(0))));
        this.frames = new GifFrames(output.resolve("frames"));
        frames.dropAfter(gan.iteration());
        this.scale = Math.max(1, 64 / config.imageSize());
    }

    /** Shows real beside generated at {@code iteration}, and keeps the generated grid as a GIF frame. */
    public void showSlices(int iteration, GeneratorAverage average) {
        BufferedImage generated = generatedGrid(average);
        frames.add(iteration, ImageGrid.captioned(generated, "iteration " + iteration));
        slicesView.show(beside(generated, iteration));
    }

    /** Shows the loss, D-output and SWD curves of the run so far. */
    public void showCurves(Scoreboard scoreboard) {
        curvesView.show(curves(scoreboard));
    }

    /** Real slices (left) next to the averaged generator's slices for the fixed noise (right), captioned. */
    public BufferedImage realVersusGenerated(int iteration, GeneratorAverage average) {
        return beside(generatedGrid(average), iteration);
    }

    /** Loss, D-output and SWD curves side by side. */
    public static BufferedImage curves(Scoreboard scoreboard) {
        var history = scoreboard.history();
        return ChartGrid.of(List.of(TrainingCharts.losses(history), TrainingCharts.discriminatorOutputs(history),
                TrainingCharts.measure(scoreboard.measure())), 3);
    }

    /** The GIF's frames so far (also after a resume: they are files). */
    public GifFrames frames() {
        return frames;
    }

    /** The first row of the fixed-noise grid at {@code count} evenly spaced moments of training, one under the other. */
    public BufferedImage evolution(int count) {
        return frames.stack(count, CAPTION + config.imageSize() * scale + 2);
    }

    private BufferedImage generatedGrid(GeneratorAverage average) {
        return ImageGrid.of(average.sample(fixedNoise, config.batchSize()), COLUMNS, scale);
    }

    private BufferedImage beside(BufferedImage generated, int iteration) {
        var real = ImageGrid.of(realShown, COLUMNS, scale);
        return ImageGrid.row(ImageGrid.captioned(real, "real slices"),
                ImageGrid.captioned(generated, "generated from fixed noise, iteration " + iteration));
    }
}
