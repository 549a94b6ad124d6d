package org.gantutorial.mr;

import java.util.List;

/**
 * What loading a file or folder gave: the volumes, the files skipped (each with its reason)
 * and warnings such as a modality other than MR.
 */
public record MrLoad(List<MrVolume> volumes, List<MrLoadException> skipped, List<String> warnings) {
    public MrLoad {
        volumes = List.copyOf(volumes);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    public int sliceCount() {
        return volumes.stream().mapToInt(MrVolume::depth).sum();
    }

    /** "skipped 2 files:" and one line per file, or an empty string when none was skipped. */
    public String skippedReport() {
        if (skipped.isEmpty()) {
            return "";
        }
        var text = new StringBuilder("skipped " + skipped.size() + (skipped.size() == 1 ? " file:\n" : " files:\n"));
        skipped.forEach(e -> text.append("  ").append(e.getMessage()).append('\n'));
        return text.toString();
    }
}
