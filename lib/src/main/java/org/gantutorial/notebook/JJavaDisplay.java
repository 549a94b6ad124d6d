package org.gantutorial.notebook;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseNotebookStatics;

/** The only class that calls JJava's display API; loaded only when {@link Kernel#active()}. */
final class JJavaDisplay {
    private JJavaDisplay() {
    }

    static boolean kernelRunning() {
        try {
            return BaseKernel.notebookKernel() != null;
        } catch (NullPointerException noKernel) {
            return false; // JJava's way of saying "not inside a notebook"
        }
    }

    static String display(Object value) {
        return BaseNotebookStatics.display(value);
    }

    static void update(String id, Object value) {
        BaseNotebookStatics.updateDisplay(id, value);
    }
}
