package org.gantutorial.training;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gantutorial.fast.TwinGraph;
import org.gantutorial.fast.TwinNetwork;

/**
 * The running twins the loop's wrappers train in place of a reader's networks. Substitution is on;
 * the tests switch it off to train the very same loop on the stock networks and compare.
 */
final class Twins {
    private static volatile boolean substituting = true;

    private Twins() {
    }

    static TwinNetwork of(MultiLayerNetwork stock) {
        return substituting ? TwinNetwork.of(stock) : TwinNetwork.itself(stock);
    }

    static TwinGraph of(ComputationGraph stock) {
        return substituting ? TwinGraph.of(stock) : TwinGraph.itself(stock);
    }

    /** Whether wrappers made from now on run fast twins (true) or the stock networks themselves. */
    static void substitute(boolean on) {
        substituting = on;
    }
}
