package org.gantutorial.training;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.gantutorial.fast.TwinGraph;
import org.gantutorial.history.Verdict;
import org.gantutorial.models.UNetGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The image-to-image generator as notebook 08's training loop uses it: it restores a batch of
 * degraded slices ({@link #restore}), gathers what each term of its loss asks of those restored
 * pixels, and then takes one Adam step on all of them ({@link #step}), as D does with
 * {@code learnFrom} and {@code step}. The terms:
 * <ul>
 * <li>{@link #learnTowards}: closer to the true slice, pixel by pixel (the L1 loss);</li>
 * <li>{@link #learnThrough}: look real to the discriminator, which sees each restoration beside its
 * degraded input (the adversarial loss); D's weights stay as they are.</li>
 * </ul>
 * Both terms are errors on the same output pixels, so they add up there and one backward pass
 * through the U-Net serves both.
 * <p>
 * It trains a fast twin of the U-Net on the same weights ({@link TwinGraph}); {@link #network()} is
 * the U-Net of stock DL4J layers, always current.
 */
public final class Restorer {
    private final TwinGraph twin;
    /** The graph that trains: the fast twin. */
    private final ComputationGraph running;
    /** The batch of the latest {@link #restore}, whose forward pass the U-Net's layers still hold. */
    private INDArray latest;
    /** The sum of the terms' errors at the output since the latest restore. */
    private INDArray pending;

    /** G as built by {@code UNetGenerator}. */
    public Restorer(ComputationGraph network) {
        this.twin = Twins.of(network);
        this.running = twin.running();
    }

    /** G's restorations of {@code degraded} ([N, 1, S, S]), made in training mode and kept for learning. */
    public INDArray restore(INDArray degraded) {
        latest = running.output(true, false, degraded)[0];
        pending = null;
        return latest;
    }

    /**
     * The L1 term: G learns to move each restored pixel towards the true one, with {@code weight}.
     * The error is the derivative of {@code weight} times the mean absolute difference over a
     * slice's pixels (every pixel pulls equally hard, whatever the size of its difference).
     *
     * @return the batch's mean absolute difference, before G's step
     */
    public double learnTowards(INDArray truth, double weight) {
        requireLatest(latest);
        INDArray difference = latest.sub(truth);
        double meanAbsolute = Transforms.abs(difference, true).meanNumber().doubleValue();
        add(Transforms.sign(difference, false).muli(weight * difference.size(0) / difference.length()));
        return meanAbsolute;
    }

    /**
     * The adversarial term: D judges each of G's restorations beside its degraded input against
     * the label "real", and G learns to make D agree.
     *
     * @param restored the batch the latest {@link #restore} returned
     * @return D's verdict on the restorations before G's step
     */
    public Verdict learnThrough(Discriminator discriminator, INDArray restored, INDArray degraded) {
        requireLatest(restored);
        var judgement = discriminator.judgeAsReal(restored, degraded);
        add(judgement.errorAtInput());
        return judgement.verdict();
    }

    /** One Adam step on what the terms since the latest {@link #restore} asked for. */
    public void step() {
        if (pending == null) {
            throw new IllegalStateException("step() has nothing to apply: call restorer.learnTowards(truth, weight) "
                    + "or learnThrough(discriminator, restored, degraded) after restore(degraded) first.");
        }
        Gradient gradient = running.backpropGradient(pending);
        var counts = running.getConfiguration();
        int iteration = counts.getIterationCount();
        // As for G and D: DL4J's updater divides by the batch size and turns the gradient into Adam's step in place;
        // the iteration count must advance here too (and in the stock graph, which saves it), or Adam's bias
        // correction stays at its first step.
        running.getUpdater().update(gradient, iteration, counts.getEpochCount(), (int) latest.size(0), LayerWorkspaceMgr.noWorkspaces());
        running.params().subi(gradient.gradient());
        counts.setIterationCount(iteration + 1);
        twin.stock().getConfiguration().setIterationCount(iteration + 1);
        latest = null;
        pending = null;
    }

    /**
     * A second restorer that starts from this one's weights (its Adam state starts afresh): to train
     * on in another way while this one stays as it is.
     */
    public Restorer copy() {
        return new Restorer(twin.stock().clone());
    }

    /** Adam's step size for G from now on. */
    public void setLearningRate(double rate) {
        twin.setLearningRate(rate);
    }

    /** The U-Net as written (stock DL4J layers, current weights), for its summary, for restoring without training and for saving. */
    public ComputationGraph network() {
        return twin.stock();
    }

    /** Restorations of {@code degraded} without training, as {@link UNetGenerator#restore} makes them, through the twin. */
    INDArray inferred(INDArray degraded, int batchSize) {
        return UNetGenerator.restore(running, degraded, batchSize);
    }

    private void add(INDArray error) {
        pending = pending == null ? error : pending.addi(error);
    }

    private void requireLatest(INDArray restored) {
        if (restored == null || restored != latest) {
            throw new IllegalArgumentException("the restorer learns from the batch its latest restore(degraded) call returned, "
                    + "before step(); call restore again and pass its result.");
        }
    }
}
