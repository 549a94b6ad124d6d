package org.gantutorial.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Entry point of the lib jar: {@code java -jar gan-tutorial.jar COMMAND [options]}. */
public final class Main {
    private static final List<Command> COMMANDS = List.of(
            new BackendCommand(),
            new MrInfoCommand(),
            new TrainOneDCommand(),
            new TrainMrCommand(),
            new BenchCommand());

    /** Options that are switches (no value) in any command. */
    private static final Set<String> SWITCHES = Set.of("resume", "show-identifiers");

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String[] argv) {
        Map<String, Command> byName = new LinkedHashMap<>();
        COMMANDS.forEach(command -> byName.put(command.name(), command));
        if (argv.length == 0 || argv[0].equals("help")) {
            byName.values().forEach(c -> System.out.printf("  %-12s %s%n", c.name(), c.summary()));
            return 0;
        }
        Command command = byName.get(argv[0]);
        if (command == null) {
            System.err.println("error: unknown command '" + argv[0] + "'; try 'help'");
            return 2;
        }
        String[] rest = java.util.Arrays.copyOfRange(argv, 1, argv.length);
        try {
            return command.run(Args.parse(rest, SWITCHES));
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
