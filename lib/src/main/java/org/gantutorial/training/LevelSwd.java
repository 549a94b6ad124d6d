package org.gantutorial.training;

import java.util.Random;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.mr.HeadLevel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.EnumMap;
import java.util.Map;

/**
 * The level-conditional GAN's measure: for each level, the sliced Wasserstein distance between that
 * level's real slices and the (averaged) generator's slices asked for that level, each with its own
 * floor (two halves of the level's real slices). Fixed noise, so values over training compare.
 */
public final class LevelSwd {
    private static final long NOISE_SEED = 1236;

    private final Map<HeadLevel, SwdMeter> meters = new EnumMap<>(HeadLevel.class);
    private final Map<HeadLevel, INDArray> requests = new EnumMap<>(HeadLevel.class);
    private final int batchSize;

    /**
     * Compares up to {@code samples} slices a side per level; {@code config} is the GAN's without the
     * condition (its latent size is that of the noise). Works out the floors now.
     */
    public static LevelSwd of(LevelSlices slices, DcganConfig config, int samples) {
        return new LevelSwd(slices, config, samples);
    }

    private LevelSwd(LevelSlices slices, DcganConfig config, int samples) {
        this.batchSize = config.batchSize();
        for (HeadLevel level : HeadLevel.values()) {
            SwdMeter meter = SwdMeter.of(slices.at(level), config, samples);
            int count = (int) meter.realSlices().size(0);
            meters.put(level, meter);
            requests.put(level, Conditions.attach(config.noise(count, new Random(NOISE_SEED + level.ordinal())),
                    LevelSlices.levels(level, count)));
        }
    }

    /** The mean over the levels of each level's SWD now. */
    public double measure(GeneratorAverage average) {
        return perLevel(average).values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Each level's SWD now, between its real slices and the slices G draws when asked for it. */
    public Map<HeadLevel, Double> perLevel(GeneratorAverage average) {
        var values = new EnumMap<HeadLevel, Double>(HeadLevel.class);
        meters.forEach((level, meter) -> values.put(level,
                meter.distance(average.sample(requests.get(level), batchSize))));
        return values;
    }

    /** Each level's floor: the SWD between two halves of its real slices. */
    public Map<HeadLevel, Double> floors() {
        var values = new EnumMap<HeadLevel, Double>(HeadLevel.class);
        meters.forEach((level, meter) -> values.put(level, meter.floor()));
        return values;
    }

    /** The mean of the floors: the measure's floor. */
    public double floor() {
        return floors().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
