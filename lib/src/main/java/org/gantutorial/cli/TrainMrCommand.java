package org.gantutorial.cli;

import org.gantutorial.metrics.MemorisationCheck;
import org.gantutorial.models.DcganConfig;
import org.gantutorial.mr.SliceOptions;
import org.gantutorial.plots.AnimatedGif;
import org.gantutorial.plots.MemorisationPictures;
import org.gantutorial.plots.SyntheticImages;
import org.gantutorial.training.ImageGanTrainer;
import org.gantutorial.training.ImageTrainingPlan;
import org.gantutorial.training.TrainingSlices;
import org.gantutorial.training.Checkpoint;
import org.gantutorial.training.Evaluation;
import org.gantutorial.training.History;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;

/**
 * {@code ./gan train-mr}: trains the image GAN on head MR slices with a progress line and
 * writes grids, the GIF, checkpoints, metrics and synthetic samples to the output folder.
 */
final class TrainMrCommand implements Command {
    @Override
    public String name() {
        return "train-mr";
    }

    @Override
    public String summary() {
        return "train the image GAN on head MR slices [--data PATH] [--size 64] [--width 16] [--augment translation-and-cutout|translation|none] [--levels ventricles|all (all with --data)] [--iterations 3000] [--seed 7] [--out DIR] [--resume]";
    }

    @Override
    public int run(Args args) throws Exception {
        String data = args.string("data", null);
        int size = args.integer("size", 64);
        // Half the reference width (32): an iteration takes about 0.2 s instead of 0.4 s, so 3,000
        // iterations fit in about 10 minutes on two cores; see notebook 07.
        int width = args.positiveInteger("width", 16);
        // D sees every slice shifted and partly blanked out, as G's fakes: the notebook 07 default.
        var augmentation = args.choice("augment", DcganConfig.Augmentation.TRANSLATION_AND_CUTOUT);
        // The sample scans at the levels of the lateral ventricles, as in notebook 07: a few minutes of training
        // draw them there. A reader's own --data is taken whole: they chose those slices.
        var levels = args.choice("levels", data == null ? SliceOptions.Levels.VENTRICLES : SliceOptions.Levels.ALL);
        int iterations = args.positiveInteger("iterations", 3000);
        // Notebook 07's seed: its run plays a fair game on either set of levels.
        long seed = args.longValue("seed", 7);
        Path out = Path.of(args.string("out", "build/train-mr"));
        boolean resume = args.flag("resume");
        args.rejectUnknown();
        if (size != 32 && size != 64 && size != 128 && size != 256) {
            throw new UsageException("--size must be 32, 64, 128 or 256, not " + size);
        }
        if (resume && !Checkpoint.existsIn(out)) {
            throw new UsageException("--resume found no checkpoint in " + out + "; run once without --resume, or pass the --out folder of an earlier run");
        }

        var slices = TrainingSlices.load(data == null ? null : Path.of(data), size, levels);
        // D learns at half the reference rate, as in notebook 07: at 2e-4 on every level, seed 1 stalls for the whole run.
        var config = DcganConfig.reference().withImageSize(size).withBaseWidth(width).withAugmentation(augmentation)
                .withLearningRates(2e-4, 1e-4).withSeed(seed);
        var plan = ImageTrainingPlan.of(iterations).withSeed(seed).withCheckpoints(out, 250);
        System.out.printf("Training the image GAN (%dx%d, %d slices) for %d iterations; output in %s%n",
                size, size, slices.size(0), iterations, out);
        // A resumed run must be given the first run's settings: a checkpoint of another config is refused, not silently continued.
        var trainer = resume ? ImageGanTrainer.startOrResume(config, slices, plan) : ImageGanTrainer.start(config, slices, plan);
        trainer.train();

        ImageIO.write(trainer.realVersusGenerated(), "png", out.resolve("real-vs-SYNTHETIC.png").toFile());
        AnimatedGif.write(trainer.frames(), out.resolve(SyntheticImages.PREFIX + "training.gif"), 250);
        ImageIO.write(trainer.dashboard(), "png", out.resolve("curves.png").toFile());
        writeCsv(trainer.history(), out.resolve("metrics.csv"));
        var samples = trainer.sample(64, seed + 1);
        SyntheticImages.writePngs(samples, out.resolve("samples"), "gan-sample");
        var memorisation = MemorisationCheck.run(samples, slices, 500, seed);
        ImageIO.write(MemorisationPictures.nearestTwins(memorisation, samples, slices, 8), "png",
                out.resolve("SYNTHETIC-nearest-training-twins.png").toFile());
        System.out.printf("swd: %.2f floor: %.2f near-copies: %s%n", trainer.quality(), trainer.qualityFloor(), memorisation.summary());
        return 0;
    }

    private static void writeCsv(History history, Path file) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("iteration,d_loss,g_loss,d_accuracy_real,d_accuracy_fake,d_of_x,d_of_g_z,swd");
        for (Evaluation e : history.evaluations()) {
            lines.add(String.format(Locale.ROOT, "%d,%.5f,%.5f,%.4f,%.4f,%.4f,%.4f,%.3f", e.iteration(), e.discriminatorLoss(),
                    e.generatorLoss(), e.accuracyOnReal(), e.accuracyOnFake(), e.realScore(), e.fakeScore(), e.quality()));
        }
        Files.write(file, lines);
    }
}
