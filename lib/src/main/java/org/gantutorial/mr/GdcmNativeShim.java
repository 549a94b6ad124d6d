package org.gantutorial.mr;

/**
 * Loads a native library on behalf of the class loader that defines this class. The JVM binds a
 * JNI library to the loader of the class that calls {@link System#load}; {@link Gdcm} defines a copy
 * of this class inside gdcm.jar's class loader so that gdcm's native methods find libgdcmjni.so.
 */
public final class GdcmNativeShim {
    private GdcmNativeShim() {
    }

    public static void load(String path) {
        System.load(path);
    }
}
