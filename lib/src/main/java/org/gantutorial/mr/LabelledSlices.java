package org.gantutorial.mr;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Slices that know where they came from: the scan (source name) and the {@link HeadLevel} of each.
 * Notebook 09 asks a GAN for a level, and notebook 08 holds back whole scans by their names.
 *
 * @param images  shape [N, 1, S, S], values in [-1, 1]
 * @param sources the source name of each slice
 * @param levels  the head level of each slice
 */
public record LabelledSlices(INDArray images, List<String> sources, List<HeadLevel> levels) {
    public LabelledSlices {
        sources = List.copyOf(sources);
        levels = List.copyOf(levels);
        if (sources.size() != images.size(0) || levels.size() != images.size(0)) {
            throw new IllegalArgumentException(images.size(0) + " slices need as many sources and levels, not "
                    + sources.size() + " and " + levels.size());
        }
    }

    /**
     * The whole-head sample scans ({@code ./gan data}) at every level, each slice also mirrored, at
     * {@code size} x {@code size}: the training set of notebook 07 with {@code Levels.ALL}, labelled.
     */
    public static LabelledSlices sampleData(int size) {
        var options = SliceOptions.DEFAULTS.withSize(size).withFlips(true);
        var images = new ArrayList<INDArray>();
        var sources = new ArrayList<String>();
        var levels = new ArrayList<HeadLevel>();
        for (SampleData.Source source : SampleData.available()) {
            if (!source.wholeHead()) {
                continue;
            }
            for (MrVolume volume : MrLoader.load(SampleData.path(source), source.orientation()).volumes()) {
                INDArray prepared = MrSlices.prepare(volume, options);
                images.add(prepared);
                sources.addAll(Collections.nCopies((int) prepared.size(0), source.name()));
                levels.addAll(MrSlices.levels(volume, options));
            }
        }
        if (images.isEmpty()) {
            throw new IllegalStateException("no whole-head sample MR in " + SampleData.cache() + "; run ./gan data");
        }
        return new LabelledSlices(Nd4j.concat(0, images.toArray(INDArray[]::new)), sources, levels);
    }

    public int size() {
        return sources.size();
    }

    /** The slices for which {@code wanted} holds of their source and level, with their labels. */
    public LabelledSlices where(java.util.function.BiPredicate<String, HeadLevel> wanted) {
        var rows = new ArrayList<Integer>();
        for (int i = 0; i < size(); i++) {
            if (wanted.test(sources.get(i), levels.get(i))) {
                rows.add(i);
            }
        }
        int[] picks = rows.stream().mapToInt(Integer::intValue).toArray();
        INDArray chosen = picks.length == 0 ? Nd4j.create(images.dataType(), 0, 1, images.size(2), images.size(3))
                : images.reshape(size(), -1).getRows(picks).reshape(picks.length, 1, images.size(2), images.size(3));
        return new LabelledSlices(chosen, rows.stream().map(sources::get).toList(), rows.stream().map(levels::get).toList());
    }
}
