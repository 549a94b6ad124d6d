package org.gantutorial.cli;

import org.gantutorial.notebook.BackendInfo;
import picocli.CommandLine.Command;

/** {@code ./gan backend}: loads ND4J's native backend and prints what it found. */
@Command(name = "backend", mixinStandardHelpOptions = true,
        description = "Load the ND4J native backend and print Java, DL4J, CPU and thread details.")
final class BackendCommand implements Runnable {
    @Override
    public void run() {
        System.out.print(BackendInfo.detect());
    }
}
