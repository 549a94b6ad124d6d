package org.gantutorial.mr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads head MR from a file or a folder (searched recursively): DICOM series, NIfTI-1 volumes,
 * BrainBrowser raw volumes and folders of PNG/JPEG slices. A folder with a DICOMDIR at its top (a
 * CD or PACS export) loads the images that DICOMDIR lists. In a folder, files that cannot be read
 * are skipped and listed; the load fails only when nothing usable is left.
 */
public final class MrLoader {
    private MrLoader() {
    }

    /** @throws MrLoadException when the path holds no readable image (the message names the file and why) */
    public static MrLoad load(Path path) {
        return load(path, null);
    }

    /**
     * As {@link #load(Path)}, for NIfTI volumes whose header states the wrong orientation:
     * {@code orientation} (such as {@code LAS}, one letter per voxel axis) replaces the header's, and
     * null keeps it. Check the result by eye: the slices must come out axial, anterior at the top.
     *
     * @throws IllegalArgumentException when the code is malformed or the path holds files other than NIfTI
     */
    public static MrLoad load(Path path, String orientation) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new MrLoadException(path, "does not exist");
        }
        var skipped = new ArrayList<MrLoadException>();
        var warnings = new ArrayList<String>();
        List<Path> files = files(absolute, skipped, warnings);
        if (files.isEmpty() && skipped.isEmpty()) {
            throw new MrLoadException(path, "is an empty folder: no DICOM, NIfTI, PNG or JPEG files in it or below it");
        }
        double[][] directions = null;
        if (orientation != null) {
            directions = AxialSlicer.directions(orientation);
            files.stream().filter(file -> !NiftiReader.handles(file)).findFirst().ifPresent(file -> {
                throw new IllegalArgumentException(file + " is not a NIfTI file; an orientation can only replace a NIfTI header's");
            });
        }
        var volumes = new ArrayList<MrVolume>();
        var dicoms = new ArrayList<DicomImage>();
        Map<Path, List<Path>> imageFolders = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                if (NiftiReader.handles(file)) {
                    volumes.add(NiftiReader.read(file, directions));
                } else if (MincRawReader.handles(file)) {
                    volumes.add(MincRawReader.read(file));
                } else if (ImageFolderReader.handles(file)) {
                    imageFolders.computeIfAbsent(file.getParent(), k -> new ArrayList<>()).add(file);
                } else {
                    dicoms.add(DicomReader.read(file));
                }
            } catch (MrLoadException e) {
                if (files.size() == 1 && skipped.isEmpty()) {
                    throw e;
                }
                skipped.add(e);
            }
        }
        imageFolders.forEach((folder, images) -> {
            MrVolume volume = ImageFolderReader.volume(folder, images, skipped);
            if (volume != null) {
                volumes.add(volume);
            }
        });
        volumes.addAll(DicomSeries.group(dicoms, skipped));
        if (volumes.isEmpty()) {
            if (skipped.size() == 1) {
                throw skipped.get(0);
            }
            throw new MrLoadException(path, "holds no readable images: all " + skipped.size() + " files were skipped; "
                    + "the first: " + skipped.get(0).getMessage());
        }
        for (MrVolume volume : volumes) {
            if (!volume.modality().equals("MR")) {
                warnings.add(volume.name() + ": modality is " + (volume.modality().isEmpty() ? "not recorded"
                        : volume.modality()) + ", not MR; loaded anyway");
            }
        }
        return new MrLoad(volumes, skipped, warnings);
    }

    /**
     * The files to read: those a DICOMDIR lists (given itself or at the top of the folder), else the
     * file, else every file under the folder that could be an image. An unreadable DICOMDIR falls
     * back to the folder's files, with a warning.
     */
    private static List<Path> files(Path path, List<MrLoadException> skipped, List<String> warnings) {
        boolean folder = Files.isDirectory(path);
        Path dicomdir = folder ? DicomDir.in(path).orElse(null) : DicomDir.isDicomDir(path) ? path : null;
        if (dicomdir != null) {
            try {
                return DicomDir.images(dicomdir, skipped);
            } catch (MrLoadException e) {
                warnings.add(e.getMessage() + "; the folder was searched file by file instead");
                return candidates(dicomdir.getParent());
            }
        }
        return folder ? candidates(path) : List.of(path);
    }

    /** Every file under a folder that could be an image, in path order; notes, licenses and hidden files are passed over. */
    private static List<Path> candidates(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(MrLoader::mayBeImage).sorted().toList();
        } catch (IOException e) {
            throw new MrLoadException(folder, "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    private static boolean mayBeImage(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase();
        return !name.startsWith(".") && !MincRawReader.isHeader(file)
                && !lower.matches("(license|licence|copying|readme|source|notice|dicomdir)([.-].*)?")
                && !lower.matches(".*\\.(txt|md|json|csv|html|xml|pdf|py|sh|zip|tgz)");
    }
}
