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
 * stays small enough to read in one sitting. The speed work stays out of sight: the models are DL4J's
 * own layers, and the notebooks never name the fast package or its classes.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/gantutorial");
    private static final Path FAST = SOURCES.resolve("fast");
    private static final Path NOTEBOOKS = Path.of("../notebooks");
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
    void theFastPackageStandsAloneAndTheModelsDoNotUseIt() throws IOException {
        Map<String, Set<String>> uses = packageGraph();
        Set<String> fast = new TreeSet<>(uses.getOrDefault("fast", Set.of()));
        fast.remove("history");
        assertEquals(Set.of(), fast, "fast uses no other package of the library (history's records at most)");
        assertTrue(!uses.getOrDefault("models", Set.of()).contains("fast"), "models build DL4J's own layers, never fast ones");
    }

    @Test
    void theNotebooksNeverNameTheFastPackageOrItsClasses() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(FAST)) {
            names = files.map(f -> f.getFileName().toString().replace(".java", "")).sorted().toList();
        }
        var mentions = new TreeMap<String, List<String>>();
        try (Stream<Path> notebooks = Files.list(NOTEBOOKS)) {
            for (Path notebook : notebooks.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                String text = Files.readString(notebook);
                var found = new ArrayList<String>();
                if (text.contains("org.gantutorial.fast")) {
                    found.add("org.gantutorial.fast");
                }
                names.stream().filter(name -> Pattern.compile("\\b" + name + "\\b").matcher(text).find()).forEach(found::add);
                if (!found.isEmpty()) {
                    mentions.put(notebook.getFileName().toString(), found);
                }
            }
        }
        assertTrue(mentions.isEmpty(), "notebooks name the fast path, which should stay invisible: " + mentions);
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
