package org.gantutorial.fast;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;

/**
 * {@link TwinNetwork} for a {@link ComputationGraph} (the U-Net): each layer vertex the fast path
 * knows runs its fast twin, on the stock graph's own parameters and Adam state. Layers are not
 * merged here: in a graph, the activation after a batch norm may feed several vertices.
 */
public final class TwinGraph {
    private final ComputationGraph stock;
    private final ComputationGraph running;

    private TwinGraph(ComputationGraph stock, ComputationGraph running) {
        this.stock = stock;
        this.running = running;
    }

    /** The fast twin of {@code stock} (stock itself, should the twin's Adam state not line up with it). */
    public static TwinGraph of(ComputationGraph stock) {
        ComputationGraphConfiguration conf = stock.getConfiguration().clone();
        conf.getVertices().values().forEach(vertex -> {
            if (vertex instanceof LayerVertex layer) {
                layer.getLayerConf().setLayer(TwinLayers.of(layer.getLayerConf().getLayer()));
            }
        });
        var running = new ComputationGraph(conf);
        running.init(stock.params(), false);
        ComputationGraphUpdater stockUpdater = stock.getUpdater();
        if (!SharedUpdater.sameLayout(new ComputationGraphUpdater(running), stockUpdater)) {
            return itself(stock);
        }
        running.setUpdater(new ComputationGraphUpdater(running, stockUpdater.getStateViewArray()));
        return new TwinGraph(stock, running);
    }

    /** {@code stock} running as it is, for comparisons with plain DL4J. */
    public static TwinGraph itself(ComputationGraph stock) {
        return new TwinGraph(stock, stock);
    }

    /** The reader's graph, holding the current weights and Adam state. */
    public ComputationGraph stock() {
        return stock;
    }

    /** The graph to train and run. */
    public ComputationGraph running() {
        return running;
    }

    /** Adam's step size from now on, for both (each rebuilds its updater; the twin's goes back onto the stock's state). */
    public void setLearningRate(double rate) {
        stock.setLearningRate(rate);
        if (running != stock) {
            running.setLearningRate(rate);
            running.setUpdater(new ComputationGraphUpdater(running, stock.getUpdater().getStateViewArray()));
        }
    }
}
