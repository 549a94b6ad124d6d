package org.gantutorial.notebook;

import java.io.PrintStream;

/**
 * One output area that is replaced in place: a progress line, a chart or an image grid
 * that changes while training runs. In a notebook the first {@link #show} creates the
 * output and later calls update it; on a console, text is rewritten on one line and
 * pictures are skipped (the CLI writes them to files instead).
 */
public final class LiveView {
    private final boolean inKernel = Kernel.active();
    private final PrintStream console;
    private String displayId;
    private int lastLineLength;

    private LiveView(PrintStream console) {
        this.console = console;
    }

    public static LiveView create() {
        return new LiveView(System.out);
    }

    /** Shows {@code value} (text, chart or image), replacing what this view showed before. */
    public void show(Object value) {
        if (inKernel) {
            if (displayId == null) {
                displayId = JJavaDisplay.display(value);
            } else {
                JJavaDisplay.update(displayId, value);
            }
        } else if (value instanceof CharSequence text) {
            String line = text.toString();
            console.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
            console.flush();
            lastLineLength = line.length();
        }
    }

    /** Ends a console progress line so later output starts on a fresh line. */
    public void finish() {
        if (!inKernel && lastLineLength > 0) {
            console.println();
            lastLineLength = 0;
        }
    }
}
