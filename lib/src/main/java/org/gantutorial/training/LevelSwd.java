package org.gantutorial.training;

import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganGenerator;
import org.gantutorial.mr.LevelBand;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.EnumMap;
import java.util.Map;

/**
 * The level-conditional GAN's measure: for each band, the sliced Wasserstein distance between that
 * band's real slices and the (averaged) generator's slices asked for that band, each with its own
 * floor (two halves of the band's real slices). Fixed noise, so values over training compare.
 */
public final class LevelSwd {
    private static final long NOISE_SEED = 1236;

    private final Map<LevelBand, SwdMeter> meters = new EnumMap<>(LevelBand.class);
    private final Map<LevelBand, INDArray> requests = new EnumMap<>(LevelBand.class);
    private final int batchSize;

    /**
     * Compares up to {@code samples} slices a side per band; {@code config} is the GAN's without the
     * condition (its latent size is that of the noise). Works out the floors now.
     */
    public static LevelSwd of(LevelSlices slices, DcganConfig config, int samples) {
        return new LevelSwd(slices, config, samples);
    }

    private LevelSwd(LevelSlices slices, DcganConfig config, int samples) {
        this.batchSize = config.batchSize();
        for (LevelBand band : LevelBand.values()) {
            SwdMeter meter = SwdMeter.of(slices.band(band), config, samples);
            int count = (int) meter.realSlices().size(0);
            meters.put(band, meter);
            requests.put(band, Conditions.attach(DcganGenerator.noise(count, config, NOISE_SEED + band.ordinal()),
                    LevelSlices.levels(band, count)));
        }
    }

    /** The mean over the bands of each band's SWD now. */
    public double measure(GeneratorAverage average) {
        return perBand(average).values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Each band's SWD now, between its real slices and the slices G draws when asked for it. */
    public Map<LevelBand, Double> perBand(GeneratorAverage average) {
        var values = new EnumMap<LevelBand, Double>(LevelBand.class);
        meters.forEach((band, meter) -> values.put(band,
                meter.distance(average.sample(requests.get(band), batchSize))));
        return values;
    }

    /** Each band's floor: the SWD between two halves of its real slices. */
    public Map<LevelBand, Double> floors() {
        var values = new EnumMap<LevelBand, Double>(LevelBand.class);
        meters.forEach((band, meter) -> values.put(band, meter.floor()));
        return values;
    }

    /** The mean of the floors: the measure's floor. */
    public double floor() {
        return floors().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
