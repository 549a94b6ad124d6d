package org.gantutorial.fast;

import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;

import java.util.List;

/**
 * A twin trains in place of the stock network, so both must hold the same Adam state: the twin's
 * updater works on the stock updater's very state array, and saving the stock network saves what the
 * twin learned. That holds only while both cut the array alike (the same blocks of parameters with the
 * same state size), which a twin with the same parameters in the same order does; checked, not assumed.
 */
final class SharedUpdater {
    private SharedUpdater() {
    }

    /** True when {@code twin} (built on its own state) and {@code stock} cut their state arrays alike. */
    static boolean sameLayout(BaseMultiLayerUpdater<?> twin, BaseMultiLayerUpdater<?> stock) {
        return layout(twin.getUpdaterBlocks()).equals(layout(stock.getUpdaterBlocks()));
    }

    private static List<List<Integer>> layout(List<UpdaterBlock> blocks) {
        return blocks.stream().map(block -> List.of(block.getParamOffsetStart(), block.getParamOffsetEnd(),
                block.getUpdaterViewOffsetStart(), block.getUpdaterViewOffsetEnd())).toList();
    }
}
