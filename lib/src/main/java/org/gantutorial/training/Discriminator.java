package org.gantutorial.training;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.fast.Freezable;
import org.gantutorial.fast.TwinNetwork;
import org.gantutorial.history.Verdict;
import org.gantutorial.models.DcganConfig.Augmentation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

import java.util.Random;

/**
 * The discriminator D as the training loop uses it: it learns from a batch it is told is real or
 * fake ({@link #learnFrom}), as many times as the loop asks, and changes its weights only when the
 * loop says {@link #step}: one Adam step on everything it learned since the last one, as in
 * PyTorch's {@code errD_real.backward(); errD_fake.backward(); optimizerD.step()}.
 * <p>
 * With {@link #seeing} every batch D looks at, real or generated, first goes through
 * {@link DiffAugment}; the generator then learns through the same change. A conditional D sees each
 * batch beside its condition ({@link Conditions}); a patch discriminator (ending in DL4J's
 * {@code CnnLossLayer}) gives one verdict per patch, each told the batch's label.
 * <p>
 * D is any network of stock DL4J layers that ends in one sigmoid unit with binary cross-entropy
 * (or a sigmoid and binary cross-entropy per patch). It trains a fast twin of that network, which
 * computes the same thing on the same weights ({@link TwinNetwork}); {@link #network()} is the
 * network as written, always current.
 */
public final class Discriminator {
    private final TwinNetwork twin;
    /** The network that trains: the fast twin. */
    private final MultiLayerNetwork running;
    private final DiffAugment view;
    private final DiscriminatorOutputs outputs;
    /** The gradients of the learnFrom calls since the last step, summed, each scaled to the first call's batch size. */
    private INDArray pending;
    private long pendingBatch;

    /** D as written in a notebook, or built by {@code Discriminator1d}, {@code DcganDiscriminator} or {@code PatchDiscriminator}. */
    public Discriminator(MultiLayerNetwork network) {
        this(Twins.of(checked(network)), null, new DiffAugment(Augmentation.NONE, null));
    }

    private Discriminator(TwinNetwork twin, DiscriminatorOutputs outputs, DiffAugment view) {
        this.twin = twin;
        this.running = twin.running();
        this.outputs = outputs == null ? DiscriminatorOutputs.of(running) : outputs;
        this.view = view;
    }

    /** The same D, seeing every batch through {@code augmentation}, whose changes are drawn from {@code random}. */
    public Discriminator seeing(Augmentation augmentation, Random random) {
        return new Discriminator(twin, outputs, new DiffAugment(augmentation, random));
    }

    /**
     * D looks at {@code batch}, is told it is {@code label}, and works out how to be more right
     * about it. Its weights change only at the next {@link #step}.
     */
    public Verdict learnFrom(INDArray batch, Label label) {
        return learn(view.apply(batch), label);
    }

    /**
     * D looks at {@code batch} beside {@code condition} (what each example was asked to be, see
     * {@link Conditions#attach}), is told it is {@code label}, and works out how to be more right.
     */
    public Verdict learnFrom(INDArray batch, INDArray condition, Label label) {
        return learn(Conditions.attach(view.apply(batch), Conditions.required(condition)), label);
    }

    private Verdict learn(INDArray seen, Label label) {
        long rows = seen.size(0);
        running.setInput(seen);
        running.setLabels(labels(label, seen));
        running.computeGradientAndScore();
        INDArray gradient = running.gradient().gradient();
        if (pendingBatch == 0) {
            pending = pending == null ? gradient.dup() : pending.assign(gradient);
            pendingBatch = rows;
        } else {
            // The updater divides by one batch size: a call on another size counts as its mean, like the others.
            pending.addi(rows == pendingBatch ? gradient : gradient.mul((double) pendingBatch / rows));
        }
        var call = label.isReal() ? Verdict.Call.DISCRIMINATOR_ON_REAL : Verdict.Call.DISCRIMINATOR_ON_FAKE;
        return Verdict.of(call, label.value(), outputs.latest());
    }

    /** One Adam step on what D learned since the last step: the sum of each learnFrom call's mean gradient. */
    public void step() {
        if (pendingBatch == 0) {
            throw new IllegalStateException("step() has nothing to apply: call discriminator.learnFrom(batch, label) first.");
        }
        running.gradient().gradient().assign(pending);
        OptimiserStep.apply(twin, pendingBatch);
        pendingBatch = 0;
    }

    /** Adam's step size for D from now on. */
    public void setLearningRate(double rate) {
        twin.setLearningRate(rate);
    }

    /** The network as written (stock DL4J layers, current weights), for its summary, for saving, and for measurements outside the loop. */
    public MultiLayerNetwork network() {
        return twin.stock();
    }

    /** What G needs from D: its verdict on G's batch and its error at G's output. */
    record Judgement(Verdict verdict, INDArray errorAtInput) {
    }

    /**
     * Judges {@code generated} against the label "real" and returns the gradient of that loss with
     * respect to the batch itself (through the augmentation). D is frozen meanwhile: its weights do
     * not change, and the layers that can skip working out their weight gradients do.
     */
    Judgement judgeAsReal(INDArray generated) {
        INDArray seen = view.apply(generated);
        return judge(seen, seen);
    }

    /** As {@link #judgeAsReal(INDArray)}, with each fake beside its condition; the gradient is the image's share only. */
    Judgement judgeAsReal(INDArray generated, INDArray condition) {
        INDArray seen = view.apply(generated);
        return judge(seen, Conditions.attach(seen, Conditions.required(condition)));
    }

    private Judgement judge(INDArray seen, INDArray input) {
        INDArray labels = labels(Label.REAL, input);
        // Frozen, D's layers skip their weight gradients: half of the convolutions' backward pass.
        INDArray errorAtInput = Freezable.whileFrozen(running, () -> running.calculateGradients(input, labels, null, null).getSecond());
        var verdict = Verdict.of(Verdict.Call.GENERATOR_THROUGH_DISCRIMINATOR, Label.REAL.value(), outputs.latest());
        // A patch D judges an example by the mean of its patches' losses, as pix2pix does.
        long perExample = labels.length() / labels.size(0);
        INDArray errorAtSeen = Conditions.imagePart(errorAtInput, seen.size(1));
        return new Judgement(verdict, view.backward(perExample == 1 ? errorAtSeen : errorAtSeen.div(perExample)));
    }

    /** {@code network} when it ends as a GAN's D needs, else an error that says how D must end. */
    private static MultiLayerNetwork checked(MultiLayerNetwork network) {
        var last = network.getOutputLayer().getConfig();
        boolean oneUnit = last instanceof OutputLayer out && out.getNOut() == 1 && out.getLossFn() instanceof LossBinaryXENT
                && out.getActivationFn() instanceof ActivationSigmoid;
        boolean perPatch = last instanceof CnnLossLayer patches && patches.getLossFn() instanceof LossBinaryXENT
                && patches.getActivationFn() instanceof ActivationSigmoid;
        if (!oneUnit && !perPatch) {
            throw new IllegalArgumentException("The discriminator must end in an OutputLayer with one sigmoid unit and LossBinaryXENT "
                    + "(or a CnnLossLayer with sigmoid and LossBinaryXENT for one verdict per patch), not in " + last.getClass().getSimpleName()
                    + "; end it with new OutputLayer.Builder(new LossBinaryXENT()).nOut(1).activation(Activation.SIGMOID).build().");
        }
        return network;
    }

    /** The label for each of D's outputs on {@code input}: one per example, or one per patch for a patch discriminator. */
    private INDArray labels(Label label, INDArray input) {
        if (!(running.getOutputLayer().getConfig() instanceof CnnLossLayer)) {
            return label.column(input.size(0));
        }
        var types = running.getLayerWiseConfigurations()
                .getLayerActivationTypes(InputType.convolutional(input.size(2), input.size(3), input.size(1)));
        var patches = (InputType.InputTypeConvolutional) types.get(types.size() - 1);
        return Nd4j.valueArrayOf(new long[] {input.size(0), patches.getChannels(), patches.getHeight(), patches.getWidth()},
                label.value(), Nd4j.defaultFloatingPointType());
    }
}
