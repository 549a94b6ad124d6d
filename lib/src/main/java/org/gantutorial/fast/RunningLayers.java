package org.gantutorial.fast;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/** What this package's layer configurations share: handing DL4J a running layer wired as DL4J's own configurations do. */
final class RunningLayers {
    private RunningLayers() {
    }

    /** Attaches listeners, position, parameters (a view into the network's flat parameter array) and configuration. */
    static <L extends Layer> L wire(L layer, NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                                    int layerIndex, INDArray layerParamsView, boolean initializeParams, ParamInitializer initializer) {
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer.init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
