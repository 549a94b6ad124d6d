package org.gantutorial.cli;

import org.gantutorial.mr.MrLoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * Entry point of the lib jar: {@code java -jar gan-tutorial.jar COMMAND [options]}; every command
 * answers {@code --help}. A mistake in how a command was called exits with 2 after one line that
 * says what is wrong; a failure while running exits with 1 after one line that says why.
 */
@Command(name = "gan", description = "The Java GAN tutorial's command line.",
        subcommands = {BackendCommand.class, MrInfoCommand.class, TrainGan1dCommand.class, TrainMrCommand.class,
                TrainSrCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    private CommandSpec spec;

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String... argv) {
        var cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((error, args) -> {
            var err = error.getCommandLine().getErr();
            err.println("error: " + error.getMessage());
            err.println("Usage: " + commandPath(error.getCommandLine()) + " --help for the options");
            return 2;
        });
        cli.setExecutionExceptionHandler((error, command, parsed) -> {
            command.getErr().println("error: " + error.getMessage());
            // A file that cannot be loaded is the caller's to fix, like a wrong option.
            return error instanceof CommandLine.ParameterException || error instanceof MrLoadException ? 2 : 1;
        });
        return cli.execute(argv);
    }

    /** Without a command: the list of commands. */
    @Override
    public void run() {
        spec.commandLine().usage(new PrintWriter(System.out, true));
    }

    private static String commandPath(CommandLine command) {
        return command.getParent() == null ? "gan" : "gan " + command.getCommandName();
    }
}
