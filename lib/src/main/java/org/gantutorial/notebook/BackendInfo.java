package org.gantutorial.notebook;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the notebook runs on: Java, DL4J and the ND4J native backend. Creating it loads
 * ND4J's native library, so it doubles as the "does the backend work here?" check.
 */
public record BackendInfo(String java, String dl4j, String backend, String cpuBuild, String cpuBest,
                          String blas, String blasKernel, int cores, int ompThreads, int blasThreads, String dataType)
        implements HtmlTable {

    public static BackendInfo detect() {
        Nd4j.create(1);
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        String blas = String.valueOf(env.get("blas.vendor"));
        return new BackendInfo(
                Runtime.version().toString(),
                mavenVersion("org.deeplearning4j", "deeplearning4j-nn"),
                Nd4j.getBackend().getClass().getSimpleName(),
                cpuLevel(ops.binaryLevel()),
                cpuLevel(ops.optimalLevel()),
                blas,
                blasKernel(blas, System.getenv("OPENBLAS_CORETYPE")),
                Integer.parseInt(String.valueOf(env.get("cores"))),
                Integer.parseInt(String.valueOf(env.get("omp.threads"))),
                Integer.parseInt(String.valueOf(env.get("blas.threads"))),
                Nd4j.dataType().toString());
    }

    @Override
    public Map<String, String> rows() {
        var rows = new LinkedHashMap<String, String>();
        rows.put("Java", java);
        rows.put("DL4J / ND4J", dl4j);
        rows.put("ND4J backend", backend);
        rows.put("Native build for", cpuBuild);
        rows.put("Best this CPU supports", cpuBest);
        rows.put("BLAS", blas);
        rows.put("BLAS kernel", blasKernel);
        rows.put("CPU cores", String.valueOf(cores));
        rows.put("ND4J (OpenMP) threads", String.valueOf(ompThreads));
        rows.put("BLAS threads", String.valueOf(blasThreads));
        rows.put("Default data type", dataType);
        return rows;
    }

    @Override
    public String toString() {
        return HtmlTable.text(rows());
    }

    /**
     * Which of its kernels OpenBLAS runs: the one OPENBLAS_CORETYPE names (./gan and the tutorial's
     * kernel set it from the CPU's features, see tools/blas-env), or OpenBLAS's own pick by CPU model,
     * which falls back to a slow generic kernel on processors newer than the bundled OpenBLAS.
     */
    static String blasKernel(String vendor, String coreType) {
        if (!"OPENBLAS".equalsIgnoreCase(vendor)) {
            return "chosen by " + vendor + " from the CPU's features";
        }
        return coreType == null || coreType.isBlank()
                ? "chosen by OpenBLAS from the CPU model (OPENBLAS_CORETYPE not set: start through ./gan)"
                : coreType + " (OPENBLAS_CORETYPE)";
    }

    private static String cpuLevel(int level) {
        return switch (level) {
            case 1 -> "generic x86-64";
            case 2 -> "AVX2";
            case 3 -> "AVX-512";
            default -> "level " + level;
        };
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = BackendInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
