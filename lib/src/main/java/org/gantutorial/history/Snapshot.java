package org.gantutorial.history;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The generator's output at one iteration: for the 1D GAN, points in the pattern's units. */
public record Snapshot(int iteration, INDArray points) {
}
