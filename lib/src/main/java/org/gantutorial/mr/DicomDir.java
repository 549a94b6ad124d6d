package org.gantutorial.mr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A DICOMDIR, the index that CD and PACS exports put at the root of their folder (Part 3, F.3;
 * Part 10, 8). ImageJ lists its directory records; each IMAGE record's Referenced File ID
 * (0004,1500) names one file, path components separated by backslashes, relative to the folder.
 */
final class DicomDir {
    private static final String NAME = "DICOMDIR";
    private static final String RECORD_TYPE = "0004,1430";
    private static final String FILE_ID = "0004,1500";

    private DicomDir() {
    }

    static boolean isDicomDir(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equalsIgnoreCase(NAME);
    }

    /** The DICOMDIR at the top of {@code folder}, if there is one. */
    static Optional<Path> in(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(DicomDir::isDicomDir).filter(Files::isRegularFile).findFirst();
        } catch (IOException e) {
            throw new MrLoadException(folder, "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The image files the DICOMDIR lists, in its order; listed files that are missing go to
     * {@code skipped}.
     *
     * @throws MrLoadException when it cannot be read or lists no image
     */
    static List<Path> images(Path dicomdir, List<MrLoadException> skipped) {
        String header;
        synchronized (DicomReader.class) {
            header = ImageJInput.of(dicomdir, dicomdir.toFile().length()).header();
        }
        Path root = dicomdir.toAbsolutePath().getParent();
        var files = new ArrayList<Path>();
        String recordType = "";
        for (String line : header.split("\n")) {
            String value = line.substring(line.indexOf(':') + 1).trim();
            if (line.startsWith(RECORD_TYPE)) {
                recordType = value;
            } else if (line.startsWith(FILE_ID) && recordType.equals("IMAGE")) {
                Path file = resolve(root, value);
                if (file == null || !Files.isRegularFile(file)) {
                    skipped.add(new MrLoadException(file == null ? root.resolve(value.replace('\\', '/')) : file,
                            "is listed in " + dicomdir.getFileName() + " but is not in the folder"));
                } else {
                    files.add(file);
                }
            }
        }
        if (files.isEmpty() && skipped.isEmpty()) {
            throw new MrLoadException(dicomdir, "lists no image files");
        }
        return files;
    }

    /**
     * A Referenced File ID as a path under {@code root}, or null when it would leave the folder.
     * CDs are often mounted with lower-case names while the DICOMDIR says upper case, so a
     * component that is not found as written is looked up ignoring case.
     */
    private static Path resolve(Path root, String fileId) {
        Path path = root;
        for (String part : fileId.split("\\\\")) {
            if (part.isBlank() || part.equals(".") || part.equals("..") || part.contains("/")) {
                return null;
            }
            Path exact = path.resolve(part);
            path = Files.exists(exact) ? exact : ignoringCase(path, part).orElse(exact);
        }
        return path;
    }

    private static Optional<Path> ignoringCase(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
