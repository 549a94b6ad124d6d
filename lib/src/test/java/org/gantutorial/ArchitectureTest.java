package org.gantutorial;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's shape, checked on its source: packages form a stack without cycles (data records at
 * the bottom, drawing above them, training above that, the command line on top), and every class
 * stays small enough to read in one sitting.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/gantutorial");
    private static final Pattern REFERENCE = Pattern.compile("org\\.gantutorial\\.([a-z]+)\\.");
    private static final int MAX_LINES = 250;

    @Test
    void packagesFormAStackWithoutCycles() throws IOException {
        Map<String, Set<String>> uses = packageGraph();
        List<List<String>> cycles = cycles(uses);
        assertTrue(cycles.isEmpty(), "package cycles: " + cycles + " in " + uses);
    }

    @Test
    void theLowerPackagesDrawNothingAndTrainNothing() throws IOException {
        Map<String, Set<String>> uses = packageGraph();
        for (String lower : List.of("history", "patterns", "models", "mr", "metrics")) {
            Set<String> used = uses.getOrDefault(lower, Set.of());
            assertTrue(!used.contains("plots") && !used.contains("training") && !used.contains("cli"),
                    lower + " uses " + used);
        }
        assertEquals(Set.of(), uses.getOrDefault("history", Set.of()), "history holds plain records");
    }

    @Test
    void noClassIsLongerThanAboutAScreenfulOrTwo() throws IOException {
        var long_ = new TreeMap<String, Long>();
        for (Path file : sources()) {
            long lines = Files.readAllLines(file).size();
            if (lines > MAX_LINES) {
                long_.put(SOURCES.relativize(file).toString(), lines);
            }
        }
        assertTrue(long_.isEmpty(), "over " + MAX_LINES + " lines: " + long_);
    }

    private static Map<String, Set<String>> packageGraph() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : sources()) {
            Path relative = SOURCES.relativize(file);
            if (relative.getNameCount() < 2) {
                continue;
            }
            String from = relative.getName(0).toString();
            var matcher = REFERENCE.matcher(Files.readString(file));
            while (matcher.find()) {
                if (!matcher.group(1).equals(from)) {
                    uses.computeIfAbsent(from, k -> new TreeSet<>()).add(matcher.group(1));
                }
            }
        }
        return uses;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Every cycle found by a depth-first walk from each package (each reported once per starting point). */
    private static List<List<String>> cycles(Map<String, Set<String>> uses) {
        List<List<String>> found = new ArrayList<>();
        for (String start : uses.keySet()) {
            walk(start, start, new ArrayList<>(List.of(start)), new HashSet<>(), uses, found);
        }
        return found;
    }

    private static void walk(String start, String at, List<String> path, Set<String> seen,
                             Map<String, Set<String>> uses, List<List<String>> found) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                var cycle = new ArrayList<>(path);
                cycle.add(start);
                found.add(cycle);
            } else if (seen.add(next)) {
                path.add(next);
                walk(start, next, path, seen, uses, found);
                path.remove(path.size() - 1);
            }
        }
    }
}
