package org.gantutorial.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.metrics.SlicedWasserstein;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganDiscriminator;
import org.gantutorial.models.DcganGenerator;
import org.gantutorial.notebook.LiveView;
import org.gantutorial.plots.ChartGrid;
import org.gantutorial.plots.ImageGrid;
import org.gantutorial.plots.TrainingCharts;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.List;
import java.util.Random;

/**
 * Trains the image GAN on slices and shows it happening: the (averaged) generator's output for
 * one fixed noise batch next to real slices (replaced in place, so the learner watches noise turn into
 * heads), the loss, D(x)/D(G(z)) and SWD curves, a progress line with ETA, and the health
 * monitor's stall warning. Checkpoints let a run stop and go on later from where it was.
 * <p>
 * Every iteration draws its batch and noise from one seeded random generator that is saved
 * with the checkpoint, so a resumed run continues with the same numbers as one that never stopped.
 */
public final class ImageGanTrainer {
    private static final int GRID = 64;
    private static final long FIXED_NOISE_SEED = 1234;
    private static final long QUALITY_SEED = 99;

    private final DcganConfig config;
    private final ImageTrainingPlan plan;
    private final INDArray slices;
    private final INDArray sliceRows;
    private final MultiLayerNetwork generator;
    /** What the pictures, the SWD and the samples come from: see {@link GeneratorAverage}. */
    private final MultiLayerNetwork averagedGenerator;
    private final MultiLayerNetwork discriminator;
    private final GanStep step;
    private final History history;
    private final Random random;
    private final List<byte[]> frames;
    private final INDArray fixedNoise;
    private final INDArray qualityNoise;
    private final INDArray realHalf;
    private final double qualityFloor;
    private final HealthMonitor health = HealthMonitor.tutorialDefaults(5);
    private int iteration;

    // Reused every iteration: the batch and noise are written into these, not allocated anew.
    private final INDArray realBatch;
    private final INDArray realRows;
    private final INDArray noise;
    private final int[] rowIndices;

    private ImageGanTrainer(DcganConfig config, INDArray slices, ImageTrainingPlan plan, MultiLayerNetwork generator,
                            MultiLayerNetwork averagedGenerator, MultiLayerNetwork discriminator, Checkpoint.State resumed) {
        TrainingSlices.check(slices, config.imageSize());
        CpuThreads.forImageNetworks();
        this.config = config;
        this.plan = plan;
        this.slices = slices.castTo(DataType.FLOAT);
        this.sliceRows = this.slices.reshape(this.slices.size(0), (long) config.imageSize() * config.imageSize());
        this.generator = generator;
        this.averagedGenerator = averagedGenerator;
        this.discriminator = discriminator;
        int half = config.batchSize() / 2;
        int size = config.imageSize();
        realRows = Nd4j.create(DataType.FLOAT, half, (long) size * size);
        realBatch = realRows.reshape(half, 1, size, size);
        noise = Nd4j.create(DataType.FLOAT, config.batchSize(), config.latentSize());
        rowIndices = new int[half];
        fixedNoise = DcganGenerator.noise(GRID, config, FIXED_NOISE_SEED);

        int perSet = (int) Math.min(plan.qualitySamples(), this.slices.size(0) / 2);
        qualityNoise = DcganGenerator.noise(perSet, config, FIXED_NOISE_SEED + 1);
        INDArray shuffled = shuffledCopy(this.slices, new Random(QUALITY_SEED), 2 * perSet);
        realHalf = shuffled.get(NDArrayIndex.interval(0, perSet));
        if (resumed == null) {
            history = new History();
            random = new Random(plan.seed());
            frames = new ArrayList<>();
            qualityFloor = SlicedWasserstein.distance(realHalf, shuffled.get(NDArrayIndex.interval(perSet, 2 * perSet)), QUALITY_SEED);
        } else {
            history = resumed.history();
            random = resumed.random();
            frames = new ArrayList<>(resumed.frames());
            qualityFloor = resumed.qualityFloor();
            iteration = resumed.iteration();
        }
        step = new GanStep(generator, discriminator).withoutGeneratorLoss().withAugmentation(config.augmentation(), random);
    }

    /** A fresh generator and discriminator for {@code config}. */
    public static ImageGanTrainer start(DcganConfig config, INDArray slices, ImageTrainingPlan plan) {
        var generator = DcganGenerator.build(config);
        return new ImageGanTrainer(config, slices, plan, generator, GeneratorAverage.startFrom(generator),
                DcganDiscriminator.build(config), null);
    }

    /**
     * Resumes when the plan's checkpoint folder holds a checkpoint of this {@code config} and of as
     * many training slices, else starts fresh; a checkpoint of another config or other data is an
     * error rather than a silent switch.
     */
    public static ImageGanTrainer startOrResume(DcganConfig config, INDArray slices, ImageTrainingPlan plan) throws IOException {
        if (!Checkpoint.existsIn(plan.checkpointDir())) {
            return start(config, slices, plan);
        }
        var checkpoint = Checkpoint.load(plan.checkpointDir());
        var state = checkpoint.state();
        if (!state.config().equals(config)) {
            throw anotherRun(plan, "with " + state.config() + ", not with " + config);
        }
        if (state.trainingSlices() != slices.size(0)) {
            throw anotherRun(plan, "on " + state.trainingSlices() + " slices, not on these " + slices.size(0)
                    + " (other levels or other data?)");
        }
        return resumeFrom(checkpoint, slices, plan);
    }

    /** The error for a checkpoint of another run: how it was trained, and what to do instead. */
    private static IllegalStateException anotherRun(ImageTrainingPlan plan, String trained) {
        return new IllegalStateException("The checkpoint in " + plan.checkpointDir() + " was trained " + trained
                + "; choose another output folder, or delete that one to start again.");
    }

    private static ImageGanTrainer resumeFrom(Checkpoint checkpoint, INDArray slices, ImageTrainingPlan plan) {
        var state = checkpoint.state();
        return new ImageGanTrainer(state.config(), slices, plan, checkpoint.generator(), checkpoint.averagedGenerator(),
                checkpoint.discriminator(), state);
    }

    /**
     * Trains up to the plan's iteration count, showing progress in place. Stops early, with a
     * checkpoint, when the thread is interrupted (the notebook's "interrupt kernel").
     */
    public History train() throws IOException {
        var picture = LiveView.create();
        var charts = LiveView.create();
        var status = LiveView.create();
        if (history.isEmpty()) {
            evaluate(Double.NaN);
            showAndRecord(picture);
        } else {
            picture.show(realVersusGenerated());
        }
        long started = System.nanoTime();
        int first = iteration;
        long lastStatus = 0;
        double dLoss = 0;
        int steps = 0;
        while (iteration < plan.iterations()) {
            if (Thread.interrupted()) {
                status.show("interrupted at iteration " + iteration + (plan.checkpointDir() != null ? "; checkpoint saved" : ""));
                break;
            }
            var losses = step.stepSharingFakes(nextRealBatch(), nextNoise(noise));
            iteration++;
            GeneratorAverage.update(averagedGenerator, generator, iteration);
            dLoss += losses.discriminator();
            steps++;
            if (iteration % plan.evaluateEvery() == 0 || iteration == plan.iterations()) {
                evaluate(dLoss / steps);
                dLoss = 0;
                steps = 0;
                charts.show(dashboard());
            }
            if (iteration % plan.showEvery() == 0 || iteration == plan.iterations()) {
                showAndRecord(picture);
            }
            if (plan.checkpointDir() != null && iteration % plan.checkpointEvery() == 0) {
                checkpoint();
            }
            long now = System.nanoTime();
            if (now - lastStatus > 1_000_000_000L || iteration == plan.iterations()) {
                status.show(progress((now - started) / 1e9 / (iteration - first)));
                lastStatus = now;
            }
        }
        status.finish();
        if (plan.checkpointDir() != null) {
            checkpoint();
        }
        return history;
    }

    /** Writes a checkpoint into the plan's folder now. */
    public void checkpoint() throws IOException {
        new Checkpoint(generator, averagedGenerator, discriminator,
                new Checkpoint.State(config, iteration, history, random, List.copyOf(frames), qualityFloor, slices.size(0)))
                .save(plan.checkpointDir());
    }

    /** Slices the (averaged) generator makes now from {@code count} noise vectors drawn with {@code seed}. */
    public INDArray sample(int count, long seed) {
        return DcganGenerator.sample(averagedGenerator, DcganGenerator.noise(count, config, seed), config.batchSize());
    }

    /** Real slices (left) next to the generator's slices for the fixed noise (right), captioned. */
    public BufferedImage realVersusGenerated() {
        return realVersusGenerated(generatedGrid());
    }

    private BufferedImage realVersusGenerated(BufferedImage generated) {
        int scale = Math.max(1, 64 / config.imageSize());
        // A random sample: the slices come ordered by source and position, so the first ones all look alike.
        int shown = (int) Math.min(GRID, realHalf.size(0));
        var real = ImageGrid.of(realHalf.get(NDArrayIndex.interval(0, shown)), (int) Math.sqrt(GRID), scale);
        return ImageGrid.row(ImageGrid.captioned(real, "real slices"),
                ImageGrid.captioned(generated, "generated from fixed noise, iteration " + iteration));
    }

    /** The fixed-noise grid at each shown iteration so far: the frames of the training GIF. */
    public List<BufferedImage> frames() {
        return frames.stream().map(ImageGanTrainer::fromPng).toList();
    }

    /**
     * The first row of the fixed-noise grid at {@code count} evenly spaced moments of training,
     * one under the other: the same eight noise vectors growing from noise into slices.
     */
    public BufferedImage evolution(int count) {
        List<BufferedImage> all = frames();
        int shown = Math.min(count, all.size());
        int cell = config.imageSize() * Math.max(1, 64 / config.imageSize()) + 2;
        int band = all.get(0).getHeight() - (int) Math.sqrt(GRID) * cell + 2 + cell;
        var out = new BufferedImage(all.get(0).getWidth(), shown * band, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        for (int k = 0; k < shown; k++) {
            int index = shown == 1 ? all.size() - 1 : k * (all.size() - 1) / (shown - 1);
            BufferedImage frame = all.get(index);
            g.drawImage(frame.getSubimage(0, 0, frame.getWidth(), Math.min(band, frame.getHeight())), 0, k * band, null);
        }
        g.dispose();
        return out;
    }

    /** Loss, D-output and SWD curves side by side. */
    public BufferedImage dashboard() {
        return ChartGrid.of(List.of(TrainingCharts.losses(history), TrainingCharts.discriminatorOutputs(history),
                TrainingCharts.quality(history, "SWD", qualityFloor)), 3);
    }

    public History history() {
        return history;
    }

    public int iteration() {
        return iteration;
    }

    public DcganConfig config() {
        return config;
    }

    /** The generator as it trains, step by step. */
    public MultiLayerNetwork generator() {
        return generator;
    }

    /** The running average of the generator's weights, which the pictures and samples come from. */
    public MultiLayerNetwork averagedGenerator() {
        return averagedGenerator;
    }

    public MultiLayerNetwork discriminator() {
        return discriminator;
    }

    /** SWD between two disjoint halves of the real slices: what a perfect generator would reach. */
    public double qualityFloor() {
        return qualityFloor;
    }

    /** SWD between the real slices and the (averaged) generator's slices now (the same sets every time). */
    public double quality() {
        return SlicedWasserstein.distance(realHalf, DcganGenerator.sample(averagedGenerator, qualityNoise, config.batchSize()), QUALITY_SEED);
    }

    /**
     * Measures D on a fixed real batch and on fixed fakes of the generator as it trains (the one D
     * plays against). {@code discriminatorLoss} is D's mean training loss since the last evaluation
     * (NaN: measure it here). G's loss is measured here from D(G(z)), since the trainer's
     * {@link GanStep} skips measuring it at every step.
     */
    private void evaluate(double discriminatorLoss) {
        int half = (int) Math.min(config.batchSize() / 2, realHalf.size(0));
        INDArray fake = generator.output(qualityNoise.get(NDArrayIndex.interval(0, half)), true);
        double[] real = discriminator.output(realHalf.get(NDArrayIndex.interval(0, half)), true).toDoubleVector();
        double[] generated = discriminator.output(fake, true).toDoubleVector();
        if (Double.isNaN(discriminatorLoss)) {
            discriminatorLoss = (crossEntropy(real, true) + crossEntropy(generated, false)) / 2;
        }
        var evaluation = new Evaluation(iteration, discriminatorLoss, crossEntropy(generated, true),
                fraction(real, true), fraction(generated, false), quality(), mean(real), mean(generated));
        history.add(evaluation);
        boolean wasStalled = health.stalled();
        health.check(evaluation).filter(warning -> !wasStalled).ifPresent(System.out::println);
    }

    private BufferedImage generatedGrid() {
        return ImageGrid.of(DcganGenerator.sample(averagedGenerator, fixedNoise, config.batchSize()),
                (int) Math.sqrt(GRID), Math.max(1, 64 / config.imageSize()));
    }

    /** Shows real beside generated and keeps the generated grid as a frame of the GIF. */
    private void showAndRecord(LiveView picture) {
        BufferedImage grid = generatedGrid();
        recordFrame(ImageGrid.captioned(grid, "iteration " + iteration));
        picture.show(realVersusGenerated(grid));
    }

    private void recordFrame(BufferedImage frame) {
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(frame, "png", out);
            frames.add(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String progress(double secondsPerIteration) {
        int width = 24;
        int done = (int) Math.round(width * (double) iteration / Math.max(1, plan.iterations()));
        double eta = secondsPerIteration * (plan.iterations() - iteration);
        var last = history.last();
        return String.format("[%s%s] %d/%d  %.2f s/it  ETA %s  D(x) %.2f  D(G(z)) %.2f  SWD %.1f (real vs real %.1f)",
                "#".repeat(done), ".".repeat(width - done), iteration, plan.iterations(), secondsPerIteration,
                duration(eta), last.realScore(), last.fakeScore(), last.quality(), qualityFloor);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    private INDArray nextRealBatch() {
        for (int i = 0; i < rowIndices.length; i++) {
            rowIndices[i] = random.nextInt((int) slices.size(0));
        }
        Nd4j.pullRows(sliceRows, realRows, 1, rowIndices);
        return realBatch;
    }

    private INDArray nextNoise(INDArray into) {
        var buffer = into.data();
        for (long i = 0; i < into.length(); i++) {
            buffer.put(i, (float) random.nextGaussian());
        }
        return into;
    }

    private static INDArray shuffledCopy(INDArray slices, Random random, int count) {
        int n = (int) slices.size(0);
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        long pixels = slices.length() / n;
        return slices.reshape(n, pixels).getRows(Arrays.copyOf(order, count))
                .reshape(count, 1, slices.size(2), slices.size(3));
    }

    private static double fraction(double[] scores, boolean real) {
        return Arrays.stream(scores).filter(s -> real ? s > 0.5 : s < 0.5).count() / (double) scores.length;
    }

    /** Binary cross-entropy of D's outputs against label 1 ({@code real}) or 0. */
    private static double crossEntropy(double[] scores, boolean real) {
        double eps = 1e-7;
        return -Arrays.stream(scores).map(p -> Math.log(Math.max(eps, real ? p : 1 - p))).average().orElse(Double.NaN);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static BufferedImage fromPng(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
