package org.gantutorial.cli;

import org.gantutorial.mr.Gdcm;
import org.gantutorial.mr.MrLoad;
import org.gantutorial.mr.MrLoader;
import org.gantutorial.mr.MrVolume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./gan mr-info PATH [--show-identifiers]}: what a DICOM/NIfTI file or folder holds. */
@Command(name = "mr-info", mixinStandardHelpOptions = true,
        description = "Slices, series, size, modality and header summary of a DICOM/NIfTI file or folder.")
final class MrInfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "a DICOM/NIfTI file or a folder")
    private Path path;

    @Option(names = "--show-identifiers", description = "show patient identifiers instead of masking them")
    private boolean showIdentifiers;

    @Override
    public Integer call() {
        MrLoad load = MrLoader.load(path);
        List<MrVolume> volumes = load.volumes();
        System.out.println("slices: " + load.sliceCount());
        System.out.println("series: " + volumes.size());
        System.out.println("size: " + String.join(", ", volumes.stream().map(v -> v.width() + "x" + v.height()).distinct().toList()));
        System.out.println("modality: " + String.join(", ", volumes.stream().map(v -> v.modality().isEmpty() ? "unknown" : v.modality()).distinct().toList()));
        System.out.println("GDCM: " + Gdcm.status());
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
