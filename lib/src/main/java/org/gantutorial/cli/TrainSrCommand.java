package org.gantutorial.cli;

import org.gantutorial.Tutorial;
import org.gantutorial.mr.LabelledSlices;
import org.gantutorial.training.Degradation;
import org.gantutorial.training.RestorationInputs;
import org.gantutorial.training.RestorerCheckpoint;
import org.gantutorial.training.RestorerRun;
import org.gantutorial.training.RestorerTraining;
import org.gantutorial.training.SlicePairs;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ./gan train-sr}: notebook 08's image-to-image part from a terminal. Trains the L1 restorer,
 * then the GAN restorer from its weights, on four of the whole-head sample scans; measures both on the
 * fifth; writes checkpoints, curves, side-by-side pictures with the invented structures marked, and
 * ends with one line of figures. The defaults are notebook 08's.
 */
@Command(name = "train-sr", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train notebook 08's restorers (L1, then L1 + patch GAN) on degraded MR slices; writes checkpoints, "
                + "curves and pictures, and ends with \"psnr: input P l1 P gan P ssim: ... sharpness: ... invented: ...\".")
final class TrainSrCommand implements Callable<Integer> {
    private static final RestorationInputs DEFAULTS = RestorationInputs.defaults();

    /** "downsampled:4" or "noisy:0.3". */
    static final class DegradationSpelling implements ITypeConverter<Degradation> {
        @Override
        public Degradation convert(String value) {
            String[] parts = value.split(":");
            try {
                if (parts.length == 2 && parts[0].equals("downsampled")) {
                    return Degradation.downsampled(Integer.parseInt(parts[1]));
                }
                if (parts.length == 2 && parts[0].equals("noisy")) {
                    return Degradation.noisy(Double.parseDouble(parts[1]));
                }
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            throw new TypeConversionException("must be downsampled:FACTOR or noisy:DEVIATION (e.g. downsampled:4, noisy:0.3), not '" + value + "'");
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--image-size", paramLabel = "S", description = "slice side: 32, 64, 128 or 256 (default: ${DEFAULT-VALUE})")
    private int imageSize = DEFAULTS.model().imageSize();

    @Option(names = "--degradation", paramLabel = "D", converter = DegradationSpelling.class,
            description = "what is lost: downsampled:FACTOR or noisy:DEVIATION (default: ${DEFAULT-VALUE})")
    private Degradation degradation = DEFAULTS.degradation();

    @Option(names = "--held-back-scan", paramLabel = "NAME",
            description = "the whole-head sample scan kept out of training, to measure on (default: ${DEFAULT-VALUE})")
    private String heldBackScan = DEFAULTS.heldBackScan();

    @Option(names = "--restorer-width", paramLabel = "N", description = "the U-Net's channels at full size (default: ${DEFAULT-VALUE})")
    private int restorerWidth = DEFAULTS.model().restorerWidth();

    @Option(names = "--restorer-learning-rate", paramLabel = "R", description = "Adam step size for the U-Net (default: ${DEFAULT-VALUE})")
    private double restorerLearningRate = DEFAULTS.model().restorerLearningRate();

    @Option(names = "--patch-learning-rate", paramLabel = "R",
            description = "Adam step size for the patch discriminator (default: ${DEFAULT-VALUE})")
    private double patchLearningRate = DEFAULTS.model().patchLearningRate();

    @Option(names = "--l1-weight", paramLabel = "W", description = "weight of the L1 term against the adversarial one (default: ${DEFAULT-VALUE})")
    private double l1Weight = DEFAULTS.model().l1Weight();

    @Option(names = "--l1-iterations", paramLabel = "N", description = "steps with the L1 loss alone (default: ${DEFAULT-VALUE})")
    private int l1Iterations = DEFAULTS.l1Iterations();

    @Option(names = "--adversarial-iterations", paramLabel = "N",
            description = "further steps with D added, from the L1 model's weights (default: ${DEFAULT-VALUE})")
    private int adversarialIterations = DEFAULTS.adversarialIterations();

    @Option(names = "--invented-difference", paramLabel = "T",
            description = "difference from input and truth (of the range 2) that counts as invented (default: ${DEFAULT-VALUE})")
    private double inventedDifference = DEFAULTS.inventedDifference();

    @Option(names = "--invented-pixels", paramLabel = "N", description = "the smallest invented region that counts (default: ${DEFAULT-VALUE})")
    private int inventedPixels = DEFAULTS.inventedPixels();

    @Option(names = "--seed", paramLabel = "S", description = "weights, batches and the held-back degradation (default: ${DEFAULT-VALUE})")
    private long seed = DEFAULTS.model().seed();

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    private Path out = Path.of("build/train-sr");

    @Option(names = "--resume", description = "go on from the checkpoints in --out; needs that run's settings")
    private boolean resume;

    @Override
    public Integer call() throws Exception {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
        Options.imageSize(spec, imageSize);
        Options.atLeastOne(spec, "--restorer-width", restorerWidth);
        Options.atLeastOne(spec, "--l1-iterations", l1Iterations);
        Options.atLeastOne(spec, "--adversarial-iterations", adversarialIterations);
        Options.atLeastOne(spec, "--invented-pixels", inventedPixels);
        Path l1Folder = out.resolve("l1-checkpoint");
        if (resume && !RestorerCheckpoint.existsIn(l1Folder)) {
            throw new ParameterException(spec.commandLine(), "--resume found no checkpoint in " + out
                    + "; run once without --resume, or pass the --out folder of an earlier run");
        }
        var config = DEFAULTS.model().withImageSize(imageSize).withRestorerWidth(restorerWidth)
                .withLearningRates(restorerLearningRate, patchLearningRate).withL1Weight(l1Weight).withSeed(seed);
        var slices = LabelledSlices.sampleData(imageSize);
        if (!slices.sources().contains(heldBackScan)) {
            throw new ParameterException(spec.commandLine(), "--held-back-scan '" + heldBackScan + "' is not one of the whole-head sample scans "
                    + slices.sources().stream().distinct().toList() + "; pick one of those");
        }
        var training = SlicePairs.of(slices.where((scan, level) -> !scan.equals(heldBackScan)).images(), degradation);
        var heldBack = SlicePairs.of(slices.where((scan, level) -> scan.equals(heldBackScan)).images(), degradation).all(seed);
        Files.createDirectories(out);
        System.out.printf("Restoring %s slices (%dx%d): %d training slices, %d held back (%s); output in %s%n", degradation.describe(),
                imageSize, imageSize, training.count(), heldBack.truth().size(0), heldBackScan, out);

        int evaluateEvery = DEFAULTS.evaluateEvery();
        var l1 = resume ? RestorerCheckpoint.load(l1Folder, config) : RestorerRun.l1(config);
        System.out.println("L1 alone:");
        RestorerTraining.run(l1, training, heldBack, l1Iterations, evaluateEvery, l1Folder, 200, false);
        Path ganFolder = out.resolve("gan-checkpoint");
        var gan = resume && RestorerCheckpoint.existsIn(ganFolder) ? RestorerCheckpoint.load(ganFolder, config)
                : RestorerRun.adversarial(config, l1.restorer());
        System.out.println("L1 + patch GAN, from the L1 model's weights:");
        RestorerTraining.run(gan, training, heldBack, adversarialIterations, evaluateEvery, ganFolder, 200, false);
        RestorationResults.write(l1, gan, heldBack, inventedDifference, inventedPixels, out);
        return 0;
    }
}
