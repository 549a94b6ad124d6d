package org.gantutorial.training;

import java.io.File;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What {@link Checkpoint} and {@link RestorerCheckpoint} do with a checkpoint folder: a new one is
 * written beside the old and then takes its place, so an interruption while saving never leaves a
 * half-written checkpoint; the run's state besides its networks is a serialised record.
 */
final class CheckpointFiles {
    static final String STATE = "state.ser";

    private CheckpointFiles() {
    }

    /** Writes a checkpoint's networks into the fresh folder it is given. */
    interface Networks {
        void writeInto(Path fresh) throws IOException;
    }

    /** Reads one network, as DL4J's {@code ModelSerializer} does. */
    interface NetworkReader<T> {
        T read(File file) throws IOException;
    }

    /** True when {@code dir} holds a checkpoint's state. */
    static boolean holdsState(Path dir) {
        return Files.isRegularFile(dir.resolve(STATE));
    }

    /** Writes {@code networks} and {@code state} into a folder beside {@code target}, then moves it into target's place. */
    static void replace(Path target, Networks networks, Serializable state) throws IOException {
        Path fresh = target.resolveSibling(target.getFileName() + ".new");
        delete(fresh);
        Files.createDirectories(fresh);
        networks.writeInto(fresh);
        try (var out = new ObjectOutputStream(Files.newOutputStream(fresh.resolve(STATE)))) {
            out.writeObject(state);
        }
        delete(target);
        Files.move(fresh, target);
    }

    /** The state saved in {@code dir}; a state of another version of the tutorial is an error that says what to do. */
    static <T> T readState(Path dir, Class<T> type) throws IOException {
        try (var in = new ObjectInputStream(Files.newInputStream(dir.resolve(STATE)))) {
            return type.cast(in.readObject());
        } catch (ClassNotFoundException | ClassCastException | InvalidObjectException e) {
            throw new IOException("The checkpoint in " + dir + " was written by another version of the tutorial; delete it and train again.", e);
        }
    }

    /**
     * The network saved in {@code file}; one that DL4J cannot read (a checkpoint of versions whose networks held
     * the library's own layers, say) is an error that says what to do.
     */
    static <T> T readNetwork(Path file, NetworkReader<T> reader) throws IOException {
        try {
            return reader.read(file.toFile());
        } catch (RuntimeException e) {
            throw new IOException("The checkpoint file " + file + " was written by another version of the tutorial; "
                    + "delete its folder and train again.", e);
        }
    }

    /** The error for a checkpoint of another run: how it was trained, and what to do instead. */
    static IllegalStateException anotherRun(Path folder, String trained) {
        return new IllegalStateException("The checkpoint in " + folder + " was trained " + trained
                + "; choose another output folder, or delete that one to start again.");
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
