package org.gantutorial.fast;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.function.Supplier;

/**
 * A running layer that can be frozen: while frozen, its backward pass works out only the error at
 * its input and leaves its weights' gradients as they were. When G learns through D, D's weight
 * gradients would be thrown away; for D's convolutions they are half of the backward pass.
 */
public interface Freezable {

    void setFrozen(boolean frozen);

    /** Runs {@code work} (a backward pass whose weight gradients are not wanted) with every freezable layer of {@code network} frozen. */
    static <T> T whileFrozen(MultiLayerNetwork network, Supplier<T> work) {
        setFrozen(network, true);
        try {
            return work.get();
        } finally {
            setFrozen(network, false);
        }
    }

    private static void setFrozen(MultiLayerNetwork network, boolean frozen) {
        for (Layer layer : network.getLayers()) {
            if (layer instanceof Freezable freezable) {
                freezable.setFrozen(frozen);
            }
        }
    }
}
