package org.gantutorial.fast;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader's network of stock DL4J layers and the running twin that trains in its place: each stock
 * layer the fast path knows becomes its fast twin ({@link TwinLayers}), batch norm and the activation
 * layer after it become one, and every other layer stays as it is. The twin computes the same thing
 * with the same parameters: it works on the stock network's own parameter array and Adam state, so the
 * stock network always holds the current weights and saves and resumes with plain DL4J.
 */
public final class TwinNetwork {
    private final MultiLayerNetwork stock;
    private final MultiLayerNetwork running;

    private TwinNetwork(MultiLayerNetwork stock, MultiLayerNetwork running) {
        this.stock = stock;
        this.running = running;
    }

    /** The fast twin of {@code stock} (stock itself, should the twin's Adam state not line up with it). */
    public static TwinNetwork of(MultiLayerNetwork stock) {
        var running = new MultiLayerNetwork(substituted(stock.getLayerWiseConfigurations()));
        running.init(stock.params(), false);
        var stockUpdater = (MultiLayerUpdater) stock.getUpdater();
        if (!SharedUpdater.sameLayout(new MultiLayerUpdater(running), stockUpdater)) {
            return itself(stock);
        }
        running.setUpdater(new MultiLayerUpdater(running, stockUpdater.getStateViewArray()));
        return new TwinNetwork(stock, running);
    }

    /** {@code stock} running as it is, for comparisons with plain DL4J. */
    public static TwinNetwork itself(MultiLayerNetwork stock) {
        return new TwinNetwork(stock, stock);
    }

    /** The reader's network, holding the current weights and Adam state. */
    public MultiLayerNetwork stock() {
        return stock;
    }

    /** The network to train and run. */
    public MultiLayerNetwork running() {
        return running;
    }

    /** Adam's step size from now on, for both (DL4J rebuilds a network's updater on a new state array, which both must share again). */
    public void setLearningRate(double rate) {
        stock.setLearningRate(rate);
        if (running != stock) {
            running.setLearningRate(rate);
            running.setUpdater(new MultiLayerUpdater(running, stock.getUpdater().getStateViewArray()));
        }
    }

    /** The stock configuration with each layer replaced by its fast twin; input preprocessors move with merged layers. */
    private static MultiLayerConfiguration substituted(MultiLayerConfiguration stock) {
        MultiLayerConfiguration twin = stock.clone();
        List<NeuralNetConfiguration> confs = twin.getConfs();
        List<NeuralNetConfiguration> layers = new ArrayList<>();
        Map<Integer, InputPreProcessor> preProcessors = new HashMap<>();
        for (int i = 0; i < confs.size(); i++) {
            if (twin.getInputPreProcess(i) != null) {
                preProcessors.put(layers.size(), twin.getInputPreProcess(i));
            }
            NeuralNetConfiguration conf = confs.get(i);
            Layer merged = i + 1 < confs.size() && twin.getInputPreProcess(i + 1) == null
                    ? TwinLayers.merged(conf.getLayer(), confs.get(i + 1).getLayer()) : null;
            conf.setLayer(merged != null ? merged : TwinLayers.of(conf.getLayer()));
            if (merged != null) {
                i++;
            }
            layers.add(conf);
        }
        twin.setConfs(layers);
        twin.setInputPreProcessors(preProcessors);
        return twin;
    }
}
