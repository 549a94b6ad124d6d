package org.gantutorial.mr;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GDCM's Java bindings (Debian/Ubuntu {@code libgdcm-java}: {@code /usr/share/java/gdcm.jar} and
 * {@code libgdcmjni.so}), found and loaded at run time: the library builds and runs without them, and
 * then refuses what only GDCM decodes (JPEG-LS, 12-bit lossy JPEG) with the package to install.
 * Setting {@code GAN_GDCM=off} (or {@code -Dgan.gdcm=off}) makes the loader act as if they were absent.
 */
public final class Gdcm {
    static final String PACKAGE = "libgdcm-java";
    private static final String SWITCH_PROPERTY = "gan.gdcm";
    private static final String SWITCH_VARIABLE = "GAN_GDCM";
    private static final Path JAR = Path.of("/usr/share/java/gdcm.jar");
    private static final List<String> JNI_FOLDERS = List.of("/usr/lib/x86_64-linux-gnu/jni", "/usr/lib/aarch64-linux-gnu/jni",
            "/usr/lib/jni", "/usr/lib64/jni");

    /** The class loader holding gdcm.jar with its native library bound, or null with the reason. */
    private record Loaded(ClassLoader loader, String version, String problem) {
    }

    private static Loaded loaded;

    private Gdcm() {
    }

    /** Whether GDCM decodes here: installed, loadable, and not switched off. */
    public static boolean available() {
        return !switchedOff() && load().loader() != null;
    }

    /** One line for {@code ./gan mr-info} and {@code ./gan backend}: what GDCM adds here, or why it does not. */
    public static String status() {
        if (switchedOff()) {
            return "switched off (" + SWITCH_VARIABLE + "=off): JPEG-LS and 12-bit lossy JPEG are refused";
        }
        Loaded state = load();
        return state.loader() != null
                ? "GDCM " + state.version() + " (" + PACKAGE + "): decodes JPEG-LS and 12-bit lossy JPEG"
                : state.problem() + ": JPEG-LS and 12-bit lossy JPEG are refused";
    }

    /** Why a file only GDCM decodes is refused, and what to do: one sentence ending the refusal. */
    static String refusal(String convert) {
        String problem = switchedOff() ? null : load().problem();
        String why = problem == null || problem.startsWith("not installed") ? "are not installed" : "failed to load here";
        return "which only GDCM decodes here, and GDCM's Java bindings " + why + "; install them (sudo apt-get install "
                + PACKAGE + ") or convert the file to uncompressed DICOM first (" + convert + ")";
    }

    /** A class of gdcm.jar, its native library loaded. */
    static Class<?> type(String name) {
        try {
            return Class.forName(name, true, load().loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("gdcm.jar lacks " + name, e);
        }
    }

    private static boolean switchedOff() {
        String value = System.getProperty(SWITCH_PROPERTY, System.getenv().getOrDefault(SWITCH_VARIABLE, ""));
        return value.trim().toLowerCase(Locale.ROOT).matches("off|false|0|no");
    }

    private static synchronized Loaded load() {
        if (loaded == null) {
            loaded = tryLoad();
        }
        return loaded;
    }

    private static Loaded tryLoad() {
        Path library = library();
        if (!Files.isRegularFile(JAR) || library == null) {
            return new Loaded(null, null, "not installed (sudo apt-get install " + PACKAGE + ")");
        }
        try {
            var loader = new BindingLoader(JAR.toUri().toURL());
            // The JNI library binds to the class loader that loads it: gdcm.jar's, through the shim defined there.
            loader.shim().getMethod("load", String.class).invoke(null, library.toString());
            for (String quiet : List.of("WarningOff", "ErrorOff", "DebugOff")) {
                Class.forName("gdcm.Trace", true, loader).getMethod(quiet).invoke(null);
            }
            String version = (String) Class.forName("gdcm.Version", true, loader).getMethod("GetVersion").invoke(null);
            return new Loaded(loader, version, null);
        } catch (InvocationTargetException e) {
            return new Loaded(null, null, "installed but failed to load (" + e.getCause() + ")");
        } catch (ReflectiveOperationException | IOException | LinkageError e) {
            return new Loaded(null, null, "installed but failed to load (" + e + ")");
        }
    }

    /** libgdcmjni.so in Debian's and Ubuntu's JNI folders or on java.library.path. */
    private static Path library() {
        var folders = new ArrayList<>(JNI_FOLDERS);
        folders.addAll(List.of(System.getProperty("java.library.path", "").split(java.io.File.pathSeparator)));
        return folders.stream().filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, System.mapLibraryName("gdcmjni")))
                .filter(Files::isRegularFile).findFirst().orElse(null);
    }

    /** gdcm.jar's class loader, able to define {@link GdcmNativeShim} inside itself. */
    private static final class BindingLoader extends URLClassLoader {
        BindingLoader(URL jar) throws MalformedURLException {
            super(new URL[] {jar}, Gdcm.class.getClassLoader());
        }

        Class<?> shim() throws IOException {
            String resource = GdcmNativeShim.class.getName().replace('.', '/') + ".class";
            try (InputStream in = Gdcm.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("cannot read " + resource);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(GdcmNativeShim.class.getName(), bytes, 0, bytes.length);
            }
        }
    }
}
