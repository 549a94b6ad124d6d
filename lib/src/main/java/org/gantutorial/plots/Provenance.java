package org.gantutorial.plots;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a synthetic image records about itself ({@link SyntheticPng}): that it is synthetic, which
 * model made it, with which seed, and when.
 *
 * @param model a short description of the generator, e.g. "level-conditional DCGAN 64x64, asked for VENTRICLES"
 * @param seed  the seed of the noise (or of the run) the image came from
 * @param date  the day it was written
 */
public record Provenance(String model, long seed, LocalDate date) {
    public Provenance {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a synthetic image must name the model that made it; pass a short description");
        }
    }

    /** {@code model} and {@code seed}, dated today. */
    public static Provenance of(String model, long seed) {
        return new Provenance(model, seed, LocalDate.now());
    }

    /** The tEXt chunks: keyword to text. "Synthetic" comes first, so a reader that stops early still sees it. */
    public Map<String, String> chunks() {
        var chunks = new LinkedHashMap<String, String>();
        chunks.put("Synthetic", "yes");
        chunks.put("Description", "SYNTHETIC image made by a generative adversarial network; not an image of a patient");
        chunks.put("Model", model);
        chunks.put("Seed", Long.toString(seed));
        chunks.put("Creation Time", date.toString());
        chunks.put("Software", "Java GAN tutorial (DeepLearning4J)");
        return chunks;
    }
}
