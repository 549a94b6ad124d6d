package org.gantutorial.cli;

import org.gantutorial.notebook.BackendInfo;

/** {@code ./gan backend}: loads ND4J's native backend and prints what it found. */
final class BackendCommand implements Command {
    @Override
    public String name() {
        return "backend";
    }

    @Override
    public String summary() {
        return "load the ND4J native backend and print Java, DL4J, CPU and thread details";
    }

    @Override
    public int run(Args args) {
        args.rejectUnknown();
        System.out.print(BackendInfo.detect());
        return 0;
    }
}
