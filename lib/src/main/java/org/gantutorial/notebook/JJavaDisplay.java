package org.gantutorial.notebook;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseNotebookStatics;

/** The only class that calls JJava's display API; loaded only when {@link Kernel#active()}. */
final class JJavaDisplay {
    private JJavaDisplay() {
    }

    static boolean kernelRunning() {
        return BaseKernel.notebookKernel() != null;
    }

    static String display(Object value) {
        return BaseNotebookStatics.display(value);
    }

    static void update(String id, Object value) {
        BaseNotebookStatics.updateDisplay(id, value);
    }
}
