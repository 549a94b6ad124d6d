package org.gantutorial.mr;

import java.nio.file.Path;

/**
 * A file that cannot be read as MR images. The message is one line, {@code FILE: REASON},
 * so a folder load can list what it skipped and the command line can print it as is.
 */
public final class MrLoadException extends RuntimeException {
    private final transient Path file;
    private final String reason;

    public MrLoadException(Path file, String reason) {
        this(file, reason, null);
    }

    public MrLoadException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
