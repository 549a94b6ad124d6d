package org.gantutorial.training;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.gantutorial.models.DcganConfig.Augmentation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

/**
 * One training iteration of a GAN, in the tutorial's order:
 * <ol>
 *   <li>the discriminator works out its gradient on a real half-batch (label 1),</li>
 *   <li>then, in a separate pass, on a fake half-batch (label 0), and takes one optimiser step
 *       on the sum of the two,</li>
 *   <li>then the generator learns through the discriminator, whose weights stay frozen:
 *       the generator is rewarded when D calls its fakes real (label 1).</li>
 * </ol>
 * Step 3 does not build a stacked G+D network (which would need parameters copied back and
 * forth, keep a second optimiser state, and run D in inference mode): it asks D for the
 * gradient of its loss with respect to its <em>input</em>, without changing D, and
 * backpropagates that through G. So G always learns from the current D.
 * <p>
 * Steps 1 and 2 are separate passes, so D's batch norm sees real and fake batches apart, but
 * one Adam step, as in the PyTorch reference ({@code errD_real.backward(); errD_fake.backward();
 * optimizerD.step()}). Two {@code fit} calls would be two Adam steps per iteration: Adam's step
 * length does not shrink with the gradient, so D would move twice as far per iteration as the
 * reference, and each step would follow only one kind of example. With the image GAN that let
 * D win early and left G making one slice in different brightnesses.
 * <p>
 * {@link #withAugmentation} makes every batch D sees, in all three steps, go through
 * {@link DiffAugment} first; G's gradient comes back through the same change.
 */
public final class GanStep {
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
    private final boolean measureGeneratorLoss;
    private final DiffAugment augment;
    private INDArray realGradient;

    public GanStep(MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        this(generator, discriminator, true, new DiffAugment(Augmentation.NONE, null));
    }

    private GanStep(MultiLayerNetwork generator, MultiLayerNetwork discriminator, boolean measureGeneratorLoss, DiffAugment augment) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.measureGeneratorLoss = measureGeneratorLoss;
        this.augment = augment;
    }

    /**
     * The same step without measuring G's loss each iteration (it is then NaN). DL4J's input
     * gradient comes without a score, so the loss costs one more forward pass of D: about a
     * tenth of an image GAN iteration, for a trainer that measures its losses at evaluations anyway.
     */
    public GanStep withoutGeneratorLoss() {
        return new GanStep(generator, discriminator, false, augment);
    }

    /**
     * The same step with every batch D sees, real or fake, passed through {@link DiffAugment}
     * first (G learns through it), its changes drawn from {@code random}.
     */
    public GanStep withAugmentation(Augmentation policy, Random random) {
        return new GanStep(generator, discriminator, measureGeneratorLoss, new DiffAugment(policy, random));
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

    /**
     * Runs one iteration in which G draws its fakes once, as PyTorch's DCGAN example does: D
     * learns from the first half-batch of them, then G learns from D's (updated) verdict on all
     * of them. That saves G a forward pass per iteration, about a seventh of the image GAN's time.
     *
     * @param real  a half-batch of real examples
     * @param noise latent vectors for a full batch of fakes
     */
    public Losses stepSharingFakes(INDArray real, INDArray noise) {
        INDArray fakes = generatorForward(noise);
        Losses d = trainDiscriminatorOn(real, fakes.get(NDArrayIndex.interval(0, real.size(0))));
        return new Losses(d.discriminatorReal(), d.discriminatorFake(), trainGeneratorOn(fakes));
    }

    /** Steps 1 and 2 alone: D learns from a real and a fake half-batch; the generator loss is NaN. */
    public Losses trainDiscriminator(INDArray real, INDArray noiseForD) {
        return trainDiscriminatorOn(real, generator.output(noiseForD, true));
    }

    private Losses trainDiscriminatorOn(INDArray real, INDArray fake) {
        double dReal = discriminatorGradient(augment.apply(real), 1);
        if (realGradient == null) {
            realGradient = discriminator.gradient().gradient().dup();
        } else {
            realGradient.assign(discriminator.gradient().gradient());
        }
        double dFake = discriminatorGradient(augment.apply(fake), 0);
        Gradient gradient = discriminator.gradient();
        gradient.gradient().addi(realGradient);
        // Dividing the summed gradient by the half-batch gives mean(real loss) + mean(fake loss), as in PyTorch.
        applyUpdate(discriminator, gradient, real.size(0));
        return new Losses(dReal, dFake, Double.NaN);
    }

    /** Step 3 alone: updates G so that D rates G(z) as real; D's weights do not change. Returns G's loss before the step. */
    public double trainGenerator(INDArray noise) {
        return trainGeneratorOn(generatorForward(noise));
    }

    /** G's output in training mode, with every layer keeping what its backward pass needs. */
    private INDArray generatorForward(INDArray noise) {
        generator.setInput(noise);
        var activations = generator.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    /** Step 3 on fakes from the last {@link #generatorForward}: G's layers still hold that pass. */
    private double trainGeneratorOn(INDArray fake) {
        long batch = fake.size(0);
        INDArray seen = augment.apply(fake);
        double loss = measureGeneratorLoss ? lossAsReal(discriminator.output(seen, true)) : Double.NaN;
        INDArray errorAtImage = augment.backward(discriminator.calculateGradients(seen, labels(batch, 1), null, null).getSecond());
        applyUpdate(generator, generator.backpropGradient(errorAtImage, workspaces).getFirst(), batch);
        return loss;
    }

    /** G's loss: binary cross-entropy of D's verdicts against the label "real", mean per example. */
    private static double lossAsReal(INDArray verdicts) {
        double epsilon = 1e-7;
        return -org.nd4j.linalg.ops.transforms.Transforms.log(verdicts.add(epsilon), false).meanNumber().doubleValue();
    }

    /** D's gradient (kept in D, not applied) and mean loss for one half-batch with the given label. */
    private double discriminatorGradient(INDArray input, double label) {
        discriminator.setInput(input);
        discriminator.setLabels(labels(input.size(0), label));
        discriminator.computeGradientAndScore();
        return discriminator.score();
    }

    /** One optimiser step: the updater divides by the batch size and turns the gradient into Adam's step in place. */
    private void applyUpdate(MultiLayerNetwork network, Gradient gradient, long batch) {
        int iteration = network.getIterationCount();
        network.getUpdater().update(network, gradient, iteration, network.getEpochCount(), (int) batch, workspaces);
        network.params().subi(gradient.gradient());
        network.setIterationCount(iteration + 1);
    }

    private static INDArray labels(long rows, double value) {
        return Nd4j.valueArrayOf(new long[] {rows, 1}, value, Nd4j.defaultFloatingPointType());
    }
}
