package org.gantutorial;

/**
 * Settings every notebook shares. Quick mode (environment variable {@code GAN_QUICK=1},
 * set by {@code ./gan test}) shortens training so the whole tutorial runs in minutes
 * while still executing every cell.
 */
public final class Tutorial {
    private Tutorial() {
    }

    public static boolean quickMode() {
        String value = System.getenv("GAN_QUICK");
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** {@code full} normally, {@code quick} in quick mode: for iteration counts and dataset sizes. */
    public static int choose(int full, int quick) {
        return quickMode() ? quick : full;
    }
}
