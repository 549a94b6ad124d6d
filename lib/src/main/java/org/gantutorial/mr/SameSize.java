package org.gantutorial.mr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A series or an image folder must have one slice size: the most common size wins, the rest are skipped. */
final class SameSize {
    private SameSize() {
    }

    static <T> List<T> keepMostCommon(List<T> items, Function<T, String> size, Function<T, Path> file, String group,
                                      List<MrLoadException> skipped) {
        Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(size, Collectors.counting()));
        String common = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        var kept = new ArrayList<T>();
        for (T item : items) {
            if (size.apply(item).equals(common)) {
                kept.add(item);
            } else {
                skipped.add(new MrLoadException(file.apply(item), "is " + size.apply(item) + " but the other "
                        + counts.get(common) + " slice(s) of its " + group + " are " + common + "; a " + group
                        + " cannot mix sizes"));
            }
        }
        return kept;
    }
}
