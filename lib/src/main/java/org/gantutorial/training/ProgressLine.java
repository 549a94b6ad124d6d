package org.gantutorial.training;

import org.gantutorial.notebook.LiveView;

/**
 * One line, rewritten in place, that says how far training is: a bar, the pace, the time left,
 * and what the loop reports. Rewritten at most once a second, and at the end.
 */
final class ProgressLine {
    private static final int BAR = 24;
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final LiveView view = LiveView.create();
    private final int first;
    private final int total;
    private final long started = System.nanoTime();
    private long lastShown;

    /** A line for a run that starts after iteration {@code first} and ends at {@code total}. */
    ProgressLine(int first, int total) {
        this.first = first;
        this.total = total;
    }

    void show(int iteration, String details) {
        long now = System.nanoTime();
        if (now - lastShown < EVERY_NANOS && iteration < total) {
            return;
        }
        lastShown = now;
        double perIteration = (now - started) / 1e9 / Math.max(1, iteration - first);
        int done = (int) Math.round(BAR * (double) iteration / Math.max(1, total));
        view.show(String.format("[%s%s] %d/%d  %s/it  ETA %s  %s", "#".repeat(done), ".".repeat(BAR - done), iteration,
                total, pace(perIteration), duration(perIteration * (total - iteration)), details));
    }

    void finish() {
        view.finish();
    }

    private static String pace(double seconds) {
        return seconds >= 0.1 ? String.format("%.2f s", seconds) : String.format("%.1f ms", 1000 * seconds);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
