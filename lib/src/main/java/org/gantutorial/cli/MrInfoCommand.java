package org.gantutorial.cli;

import org.gantutorial.mr.MrLoad;
import org.gantutorial.mr.MrLoadException;
import org.gantutorial.mr.MrLoader;
import org.gantutorial.mr.MrVolume;

import java.nio.file.Path;
import java.util.List;

/** {@code ./gan mr-info PATH [--show-identifiers]}: what a DICOM/NIfTI file or folder holds. */
final class MrInfoCommand implements Command {
    @Override
    public String name() {
        return "mr-info";
    }

    @Override
    public String summary() {
        return "PATH [--show-identifiers]: slices, series, size, modality and header summary of MR files";
    }

    @Override
    public int run(Args args) {
        boolean showIdentifiers = args.flag("show-identifiers");
        args.rejectUnknown();
        List<String> paths = args.positional();
        if (paths.size() != 1) {
            throw new UsageException("mr-info takes one PATH (a DICOM/NIfTI file or a folder)");
        }
        MrLoad load;
        try {
            load = MrLoader.load(Path.of(paths.get(0)));
        } catch (MrLoadException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        List<MrVolume> volumes = load.volumes();
        System.out.println("slices: " + load.sliceCount());
        System.out.println("series: " + volumes.size());
        System.out.println("size: " + String.join(", ", volumes.stream().map(v -> v.width() + "x" + v.height()).distinct().toList()));
        System.out.println("modality: " + String.join(", ", volumes.stream().map(v -> v.modality().isEmpty() ? "unknown" : v.modality()).distinct().toList()));
        load.warnings().forEach(w -> System.out.println("warning: " + w));
        System.out.print(load.skippedReport());
        for (MrVolume volume : volumes) {
            System.out.println();
            System.out.println("== " + volume.name());
            System.out.print(volume.header().format(showIdentifiers));
        }
        return 0;
    }
}
