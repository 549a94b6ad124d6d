package org.gantutorial.cli;

/** A mistake in how a command was called; {@link Main} prints it and exits with code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
