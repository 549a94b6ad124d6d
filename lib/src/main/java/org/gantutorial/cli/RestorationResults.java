package org.gantutorial.cli;

import org.gantutorial.metrics.ImageQuality;
import org.gantutorial.metrics.InventedStructure;
import org.gantutorial.models.UNetGenerator;
import org.gantutorial.plots.ChartGrid;
import org.gantutorial.plots.ComparisonCharts;
import org.gantutorial.plots.Provenance;
import org.gantutorial.plots.RestorationPictures;
import org.gantutorial.plots.SyntheticImages;
import org.gantutorial.plots.TrainingCharts;
import org.gantutorial.training.RestorerRun;
import org.gantutorial.training.SlicePairs;
import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** What {@code ./gan train-sr} leaves in its output folder after training, and its last line of figures. */
final class RestorationResults {
    private static final int ROWS = 6;

    private RestorationResults() {
    }

    static void write(RestorerRun l1, RestorerRun gan, SlicePairs.Batch heldBack, double threshold, int smallest, Path out)
            throws IOException {
        int batch = l1.config().batchSize();
        INDArray input = heldBack.degraded();
        INDArray byL1 = UNetGenerator.restore(l1.restorer().network(), input, batch);
        INDArray byGan = UNetGenerator.restore(gan.restorer().network(), input, batch);
        var scores = List.of(ImageQuality.of(input, input, heldBack.truth(), threshold, smallest),
                ImageQuality.of(byL1, input, heldBack.truth(), threshold, smallest),
                ImageQuality.of(byGan, input, heldBack.truth(), threshold, smallest));
        ImageIO.write(ComparisonCharts.restorations(List.of("input", "L1", "L1 + GAN"), scores), "png", out.resolve("figures.png").toFile());
        ImageIO.write(ChartGrid.of(List.of(TrainingCharts.measure(l1.scoreboard().measure()), TrainingCharts.measure(gan.scoreboard().measure()),
                TrainingCharts.discriminatorOutputs(gan.scoreboard().history())), 3), "png", out.resolve("curves.png").toFile());

        INDArray inventedByL1 = InventedStructure.structures(InventedStructure.mask(byL1, input, heldBack.truth(), threshold), smallest);
        INDArray inventedByGan = InventedStructure.structures(InventedStructure.mask(byGan, input, heldBack.truth(), threshold), smallest);
        double[] perSlice = InventedStructure.perSlice(inventedByGan);
        int[] worst = IntStream.range(0, perSlice.length).boxed().sorted((a, b) -> Double.compare(perSlice[b], perSlice[a]))
                .mapToInt(Integer::intValue).limit(ROWS).toArray();
        var table = RestorationPictures.table(List.of(RestorationPictures.Column.of("degraded input", input),
                RestorationPictures.Column.marked("L1 (invented: red)", byL1, inventedByL1),
                RestorationPictures.Column.of("L1 + GAN", byGan), RestorationPictures.Column.of("true slice", heldBack.truth()),
                RestorationPictures.Column.of("|GAN - truth|", RestorationPictures.difference(byGan, heldBack.truth(), 0.5)),
                RestorationPictures.Column.marked("GAN, invented in red", byGan, inventedByGan)), worst, Math.max(1, 128 / (int) input.size(3)));
        SyntheticImages.writePicture(table, out, "most-invented", Provenance.of("U-Net restorers (L1; L1 + patch GAN)", l1.config().seed()));
        SyntheticImages.writePngs(byGan.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(worst[0], worst[0] + 1)), out.resolve("samples"),
                "gan-restored", Provenance.of("U-Net, L1 + patch GAN", gan.config().seed()));

        System.out.printf(Locale.ROOT, "psnr: input %.2f l1 %.2f gan %.2f ssim: input %.3f l1 %.3f gan %.3f sharpness: input %.2f l1 %.2f gan %.2f "
                        + "invented: input %.2f%% l1 %.2f%% gan %.2f%%%n",
                scores.get(0).psnr(), scores.get(1).psnr(), scores.get(2).psnr(), scores.get(0).ssim(), scores.get(1).ssim(), scores.get(2).ssim(),
                scores.get(0).sharpness(), scores.get(1).sharpness(), scores.get(2).sharpness(),
                100 * scores.get(0).invented(), 100 * scores.get(1).invented(), 100 * scores.get(2).invented());
    }
}
