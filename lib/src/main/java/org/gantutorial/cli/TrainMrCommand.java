package org.gantutorial.cli;

import org.gantutorial.Tutorial;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.models.DcganConfig.Augmentation;
import org.gantutorial.mr.SliceOptions.Levels;
import org.gantutorial.training.Checkpoint;
import org.gantutorial.training.ImageDashboard;
import org.gantutorial.training.ImageGan;
import org.gantutorial.training.ImageGanInputs;
import org.gantutorial.training.ImageSchedule;
import org.gantutorial.training.ImageTraining;
import org.gantutorial.training.RunPlan;
import org.gantutorial.training.SwdMeter;
import org.gantutorial.training.TrainingSlices;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ./gan train-mr}: notebook 07's run from a terminal. Trains the image GAN on head MR
 * slices with a progress line and writes grids, the GIF, checkpoints, metrics and synthetic
 * samples to the output folder; the defaults are notebook 07's.
 */
@Command(name = "train-mr", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = TrainMrCommand.EnumDefaults.class,
        description = "Train the image GAN on head MR slices; writes grids, a GIF, curves, metrics, checkpoints "
                + "and synthetic samples, and ends with \"swd: S floor: F near-copies: N/64\".")
final class TrainMrCommand implements Callable<Integer> {
    private static final ImageGanInputs DEFAULTS = ImageGanInputs.defaults();

    static final class AugmentationSpelling extends Spelling<Augmentation> {
        AugmentationSpelling() {
            super(Augmentation.class);
        }
    }

    static final class LevelsSpelling extends Spelling<Levels> {
        LevelsSpelling() {
            super(Levels.class);
        }
    }

    /** The enum options' defaults, from the same record as the others, spelled as the command line takes them. */
    static final class EnumDefaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option)) {
                return null;
            }
            return switch (option.longestName()) {
                case "--augmentation" -> Spelling.spelling(DEFAULTS.model().augmentation());
                case "--levels" -> Spelling.spelling(DEFAULTS.levels());
                default -> null;
            };
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "PATH",
            description = "DICOM/NIfTI/image file or folder of your own (default: the sample scans of ./gan data)")
    private Path data;

    @Option(names = "--image-size", paramLabel = "S", description = "slice side: 32, 64, 128 or 256 (default: ${DEFAULT-VALUE})")
    private int imageSize = DEFAULTS.model().imageSize();

    @Option(names = "--generator-width", paramLabel = "N", description = "G's channels next to the image (default: ${DEFAULT-VALUE})")
    private int generatorWidth = DEFAULTS.model().generatorWidth();

    @Option(names = "--discriminator-width", paramLabel = "N", description = "D's channels next to the image (default: ${DEFAULT-VALUE})")
    private int discriminatorWidth = DEFAULTS.model().discriminatorWidth();

    @Option(names = "--augmentation", paramLabel = "A", converter = AugmentationSpelling.class,
            description = "what D's inputs go through: none, translation, translation-and-cutout (default: ${DEFAULT-VALUE})")
    private Augmentation augmentation;

    @Option(names = "--levels", paramLabel = "L", converter = LevelsSpelling.class,
            description = "which levels of the sample heads: ventricles or all (default: ${DEFAULT-VALUE} for the sample heads; all with --data)")
    private Levels levels;

    @Option(names = "--iterations", paramLabel = "N", description = "iteration to train up to (default: ${DEFAULT-VALUE})")
    private int iterations = DEFAULTS.schedule().iterations();

    @Option(names = "--generator-learning-rate", paramLabel = "R", description = "Adam step size for G (default: ${DEFAULT-VALUE})")
    private double generatorLearningRate = DEFAULTS.model().generatorLearningRate();

    @Option(names = "--discriminator-learning-rate", paramLabel = "R", description = "Adam step size for D (default: ${DEFAULT-VALUE})")
    private double discriminatorLearningRate = DEFAULTS.model().discriminatorLearningRate();

    @Option(names = "--average-decay", paramLabel = "D", description = "how much of itself the pictures' averaged G keeps each step (default: ${DEFAULT-VALUE})")
    private double averageDecay = DEFAULTS.model().averageDecay();

    @Option(names = "--real-label", paramLabel = "L", description = "what D is told real slices are; 1 is the reference (default: ${DEFAULT-VALUE})")
    private double realLabel = DEFAULTS.model().realLabel();

    @Option(names = "--scan-weight-power", paramLabel = "P", description = "real batches draw each scan in proportion to "
            + "(its slices)^P; 1: every slice alike, 0: every scan alike (default: ${DEFAULT-VALUE})")
    private double scanWeightPower = DEFAULTS.model().scanWeightPower();

    @Option(names = "--seed", paramLabel = "S", description = "weights, batches and noise (default: ${DEFAULT-VALUE})")
    private long seed = DEFAULTS.model().seed();

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    private Path out = Path.of("build/train-mr");

    @Option(names = "--resume", description = "go on from the checkpoint in --out; needs that run's settings and data")
    private boolean resume;

    @Override
    public Integer call() throws Exception {
        Tutorial.setUp(Tutorial.Networks.IMAGE);
        Options.imageSize(spec, imageSize);
        Options.atLeastOne(spec, "--generator-width", generatorWidth);
        Options.atLeastOne(spec, "--discriminator-width", discriminatorWidth);
        Options.atLeastOne(spec, "--iterations", iterations);
        var asked = Options.built(spec, () -> DEFAULTS.model().withImageSize(imageSize).withGeneratorWidth(generatorWidth)
                .withDiscriminatorWidth(discriminatorWidth).withAugmentation(augmentation)
                .withLearningRates(generatorLearningRate, discriminatorLearningRate).withAverageDecay(averageDecay)
                .withRealLabel(realLabel).withScanWeightPower(scanWeightPower).withSeed(seed));
        if (resume && !Checkpoint.existsIn(out)) {
            throw new ParameterException(spec.commandLine(), "--resume found no checkpoint in " + out
                    + "; run once without --resume, or pass the --out folder of an earlier run");
        }
        try {
            train(asked);
        } catch (OutOfMemoryError error) {
            // An Error escapes picocli's handler as a stack trace: the reader gets one line instead.
            throw new IllegalStateException(String.format("the run ran out of memory at image size %d (%s); try --image-size %d, "
                    + "or a machine with more memory", imageSize, error.getMessage(), Math.max(32, imageSize / 2)));
        }
        return 0;
    }

    private void train(DcganConfig asked) throws Exception {
        // A reader's own --data is taken whole: they chose those slices.
        Levels chosen = data != null && !spec.commandLine().getParseResult().hasMatchedOption("--levels") ? Levels.ALL : levels;
        var slices = data == null ? TrainingSlices.sampleData(imageSize, chosen) : TrainingSlices.from(data, imageSize, chosen);
        // Before any training: a batch that fits this session's memory (or one sentence saying what does), and the time it will take.
        var plan = RunPlan.of(asked, slices, iterations);
        System.out.println(plan.describe());
        var config = plan.config();
        var swd = SwdMeter.of(slices, config, DEFAULTS.swdSamples());
        // A resumed run must be given the first run's settings: a checkpoint of another config is refused, not silently continued.
        var gan = resume ? Checkpoint.resumeOrStart(out, config, slices, swd) : ImageGan.start(config, slices, swd);
        System.out.printf("Training the image GAN (%dx%d, %d slices) from iteration %d to %d; output in %s%n",
                imageSize, imageSize, slices.count(), gan.iteration(), iterations, out);
        var dashboard = new ImageDashboard(gan, swd, out);
        ImageTraining.run(gan, slices, swd, dashboard, ImageSchedule.of(iterations), out, false);
        Results.write(gan, slices, swd, dashboard, out);
    }
}
