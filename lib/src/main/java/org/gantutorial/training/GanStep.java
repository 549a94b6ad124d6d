package org.gantutorial.training;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training iteration of a GAN, in the tutorial's order:
 * <ol>
 *   <li>the discriminator learns from a real half-batch (label 1),</li>
 *   <li>then, in a separate call, from a fake half-batch (label 0),</li>
 *   <li>then the generator learns through the discriminator, whose weights stay frozen:
 *       the generator is rewarded when D calls its fakes real (label 1).</li>
 * </ol>
 * Step 3 does not build a stacked G+D network (which would need parameters copied back and
 * forth, keep a second optimiser state, and run D in inference mode): it asks D for the
 * gradient of its loss with respect to its <em>input</em>, without changing D, and
 * backpropagates that through G. So G always learns from the current D.
 */
public final class GanStep {
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();

    public GanStep(MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        this.generator = generator;
        this.discriminator = discriminator;
    }

    /** Losses of one iteration (binary cross-entropy, mean per example). */
    public record Losses(double discriminatorReal, double discriminatorFake, double generator) {
        public double discriminator() {
            return (discriminatorReal + discriminatorFake) / 2;
        }
    }

    /**
     * Runs one iteration.
     *
     * @param real       a half-batch of real examples
     * @param noiseForD  latent vectors for the fake half-batch shown to D
     * @param noiseForG  latent vectors for the generator's own step (usually a full batch)
     */
    public Losses step(INDArray real, INDArray noiseForD, INDArray noiseForG) {
        Losses d = trainDiscriminator(real, noiseForD);
        return new Losses(d.discriminatorReal(), d.discriminatorFake(), trainGenerator(noiseForG));
    }

    /** Steps 1 and 2 alone: D learns from a real and a fake half-batch; the generator loss is NaN. */
    public Losses trainDiscriminator(INDArray real, INDArray noiseForD) {
        discriminator.fit(real, labels(real.size(0), 1));
        double dReal = discriminator.score();

        INDArray fake = generator.output(noiseForD, true);
        discriminator.fit(fake, labels(fake.size(0), 0));
        double dFake = discriminator.score();
        return new Losses(dReal, dFake, Double.NaN);
    }

    /** Step 3 alone: updates G so that D rates G(z) as real; D's weights do not change. */
    public double trainGenerator(INDArray noise) {
        long batch = noise.size(0);
        generator.setInput(noise);
        var activations = generator.feedForward(true, false);
        INDArray fake = activations.get(activations.size() - 1);

        var dGradient = discriminator.calculateGradients(fake, labels(batch, 1), null, null);
        double loss = discriminator.score();
        INDArray errorAtImage = dGradient.getSecond();

        Gradient gradient = generator.backpropGradient(errorAtImage, workspaces).getFirst();
        int iteration = generator.getIterationCount();
        // The updater divides by the batch size and applies Adam in place on the gradient.
        generator.getUpdater().update(generator, gradient, iteration, 0, (int) batch, workspaces);
        generator.params().subi(gradient.gradient());
        generator.setIterationCount(iteration + 1);
        return loss;
    }

    private static INDArray labels(long rows, double value) {
        return Nd4j.valueArrayOf(new long[] {rows, 1}, value, Nd4j.defaultFloatingPointType());
    }
}
