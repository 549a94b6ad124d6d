package org.gantutorial.training;

import org.gantutorial.models.DcganConfig;
import org.gantutorial.mr.HeadLevel;
import org.gantutorial.notebook.LiveView;
import org.gantutorial.plots.ImageGrid;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the level-conditional GAN's training loop shows: one row per level, real slices of that level
 * on the left and, on the right, the (averaged) generator's slices when asked for that level. Every
 * column on the right uses the same noise in each row: the same "patient", asked for three levels.
 */
public final class LevelDashboard {
    private static final long FIXED_NOISE_SEED = 1234;
    private static final int REAL_SHOWN = 4;

    private final int batchSize;
    private final INDArray noise;
    private final List<INDArray> real = new ArrayList<>();
    private final int scale;
    private final LiveView slicesView = LiveView.create();
    private final LiveView curvesView = LiveView.create();

    /** {@code columns} generated slices per level, for {@code config}'s noise (the config without the condition). */
    public LevelDashboard(LevelSlices slices, DcganConfig config, int columns) {
        this.batchSize = config.batchSize();
        this.noise = config.noise(columns, new Random(FIXED_NOISE_SEED));
        for (HeadLevel level : HeadLevel.values()) {
            real.add(slices.at(level).randomBatch(REAL_SHOWN, new Random(FIXED_NOISE_SEED + level.ordinal())));
        }
        this.scale = Math.max(1, 64 / config.imageSize());
    }

    /** Real beside generated, one row per level, captioned with {@code caption} (e.g. the iteration). */
    public BufferedImage rows(GeneratorAverage average, String caption) {
        var rows = new ArrayList<BufferedImage>();
        for (HeadLevel level : HeadLevel.values()) {
            INDArray asked = average.sample(Conditions.attach(noise, LevelSlices.levels(level, (int) noise.size(0))), batchSize);
            String name = level.name().toLowerCase().replace('_', ' ');
            rows.add(ImageGrid.row(ImageGrid.captioned(ImageGrid.of(real.get(level.ordinal()), REAL_SHOWN, scale), name + ": real"),
                    ImageGrid.captioned(ImageGrid.of(asked, (int) noise.size(0), scale), "asked for " + name + ", " + caption)));
        }
        return ImageGrid.column(rows.toArray(BufferedImage[]::new));
    }

    /** Shows {@link #rows} at {@code iteration}, in place. */
    public void showLevels(int iteration, GeneratorAverage average) {
        slicesView.show(rows(average, "iteration " + iteration));
    }

    /** Shows the loss, D-output and SWD curves of the run so far, in place. */
    public void showCurves(Scoreboard scoreboard) {
        curvesView.show(ImageDashboard.curves(scoreboard));
    }
}
