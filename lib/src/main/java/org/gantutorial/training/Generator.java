package org.gantutorial.training;

import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.gantutorial.fast.TwinNetwork;
import org.gantutorial.history.Verdict;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The generator G as the training loop uses it: it turns noise into a batch of fakes
 * ({@link #generate}), and learns through the discriminator to make D call those fakes real
 * ({@link #learnThrough}).
 * <p>
 * G learns from the gradient of D's loss with respect to D's <em>input</em>, which D works out
 * without changing itself, passed back through G. There is no stacked G+D network to keep in
 * step: G always learns from the D of this very moment, and D stays as it is.
 * <p>
 * G is any network of stock DL4J layers whose last layer gives the data's shape and is not an
 * output layer. It trains a fast twin of that network, which computes the same thing on the same
 * weights ({@link TwinNetwork}); {@link #network()} is the network as written, always current.
 */
public final class Generator {
    private final TwinNetwork twin;
    /** The network that trains: the fast twin. */
    private final MultiLayerNetwork running;
    /** The batch of the latest {@link #generate}, whose forward pass G's layers still hold for learning. */
    private INDArray latest;

    /** G as written in a notebook, or built by {@code Generator1d} or {@code DcganGenerator}. */
    public Generator(MultiLayerNetwork network) {
        if (network.getOutputLayer() instanceof IOutputLayer) {
            throw new IllegalArgumentException("The generator must end in a plain layer that gives the data's shape (a DenseLayer, "
                    + "Deconvolution2D or ConvolutionLayer), not in " + network.getOutputLayer().conf().getLayer().getClass().getSimpleName()
                    + ": G has no loss of its own, it learns from D's error.");
        }
        this.twin = Twins.of(network);
        this.running = twin.running();
    }

    /**
     * A batch of fakes, one per row of {@code noise}, made in training mode (batch norm uses the
     * batch's own statistics). G keeps this forward pass, so it can learn from the same fakes.
     */
    public INDArray generate(INDArray noise) {
        running.setInput(noise);
        var activations = running.feedForward(true, false);
        latest = activations.get(activations.size() - 1);
        return latest;
    }

    /**
     * G learns, through D, to make {@code generated} look real: D judges the batch against the
     * label "real", and G follows D's gradient. D's weights stay as they are.
     *
     * @param generated the batch returned by the latest {@link #generate} call
     * @return D's verdict on the batch before G's step: G's loss and D(G(z))
     */
    public Verdict learnThrough(Discriminator discriminator, INDArray generated) {
        return follow(discriminator.judgeAsReal(latest(generated)), generated);
    }

    /**
     * As {@link #learnThrough(Discriminator, INDArray)}, for a conditional GAN: D judges each fake
     * beside the condition G was asked for ({@link Conditions#attach}), and G learns to draw what
     * D accepts for that condition.
     */
    public Verdict learnThrough(Discriminator discriminator, INDArray generated, INDArray condition) {
        return follow(discriminator.judgeAsReal(latest(generated), condition), generated);
    }

    /** {@code generated} when it is the latest generate's batch, whose forward pass G keeps; it can be learned from once. */
    private INDArray latest(INDArray generated) {
        if (generated == null || generated != latest) {
            throw new IllegalArgumentException("learnThrough needs the batch that the generator's latest generate(noise) "
                    + "call returned (G learns from the forward pass it keeps); call generate again and pass its result.");
        }
        latest = null;
        return generated;
    }

    private Verdict follow(Discriminator.Judgement judgement, INDArray generated) {
        running.backpropGradient(judgement.errorAtInput(), LayerWorkspaceMgr.noWorkspaces());
        OptimiserStep.apply(twin, generated.size(0));
        return judgement.verdict();
    }

    /** Adam's step size for G from now on. */
    public void setLearningRate(double rate) {
        twin.setLearningRate(rate);
    }

    /** The network as written (stock DL4J layers, current weights), for its summary, sampling and saving. */
    public MultiLayerNetwork network() {
        return twin.stock();
    }

    /** G's output for {@code noise} in inference mode, through the twin: for measurements between iterations. */
    INDArray inferred(INDArray noise) {
        return running.output(noise, false);
    }
}
