package org.gantutorial.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * How much memory this JVM may fill while it trains: the session's budget as {@code tools/budget} reads it
 * ({@code MEM_LIMIT} from JupyterHub, else the control group's limit, never more than the machine), less the
 * 400 MB that {@code tools/budget} keeps for JupyterLab and the system. Past that the kernel is killed without a
 * word. JavaCPP's {@code maxPhysicalBytes} (200 MB less) is not the wall: it is where JavaCPP makes the collector
 * free dead arrays, and a step's peak passes it between two of JavaCPP's checks.
 *
 * @param bytes   what the training process may hold at its peak
 * @param session the session's whole budget
 */
public record MemoryBudget(long bytes, long session) {
    /** What {@code tools/budget} leaves for JupyterLab and the system. */
    static final long KEPT_FOR_OTHERS = 400L << 20;

    public MemoryBudget {
        if (bytes <= 0 || session < bytes) {
            throw new IllegalArgumentException("a memory budget of " + bytes + " bytes out of a session's " + session
                    + " is impossible; give a positive amount no larger than the session's");
        }
    }

    /** This JVM's budget, as described above; a session too small to keep 400 MB aside gives the JVM half. */
    public static MemoryBudget ofThisProcess() {
        long session = sessionBytes();
        return new MemoryBudget(Math.max(session - KEPT_FOR_OTHERS, session / 2), session);
    }

    /** The session's memory as {@code tools/budget} reads it: MEM_LIMIT, else the control group's limit, never above the machine's. */
    static long sessionBytes() {
        long machine = machineBytes();
        long limit = positive(System.getenv("MEM_LIMIT")).orElseGet(() -> controlGroupLimit().orElse(machine));
        return Math.min(limit, machine);
    }

    private static long machineBytes() {
        var system = ManagementFactory.getOperatingSystemMXBean();
        return system instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : Long.MAX_VALUE;
    }

    /** The memory limit of this process's control group (v2 {@code memory.max}, else v1 {@code memory.limit_in_bytes}). */
    private static OptionalLong controlGroupLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length < 3) {
                    continue;
                }
                Path file = parts[0].equals("0") ? Path.of("/sys/fs/cgroup" + parts[2], "memory.max")
                        : parts[1].equals("memory") ? Path.of("/sys/fs/cgroup/memory" + parts[2], "memory.limit_in_bytes") : null;
                if (file != null && Files.isReadable(file)) {
                    var limit = positive(Files.readString(file).trim());
                    if (limit.isPresent()) {
                        return limit;
                    }
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // No control groups to read: the machine's memory is the budget.
        }
        return OptionalLong.empty();
    }

    private static OptionalLong positive(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(text);
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** Bytes as "1.2 GB" or "640 MB", as the messages say them. */
    static String format(long bytes) {
        double gigabytes = bytes / (double) (1L << 30);
        return gigabytes >= 1 ? String.format(Locale.ROOT, "%.1f GB", gigabytes) : String.format(Locale.ROOT, "%d MB", Math.round(bytes / (double) (1L << 20)));
    }
}
