package org.gantutorial.mr;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes frames through GDCM's {@code gdcm.ImageReader}, called by reflection ({@link Gdcm} loads
 * the bindings). GDCM reads a clean file holding just these frames ({@link GdcmInput}) and hands
 * back every frame as raw little-endian samples; what it reports is checked against the header
 * ImageJ read before any buffer is allocated.
 */
final class GdcmCodec {
    private GdcmCodec() {
    }

    /** Every frame's grey values as stored values (colour frames converted to grey). */
    static List<float[]> decode(Path file, List<byte[]> frames, PixelFormat format, TransferSyntax syntax) {
        Path input = GdcmInput.write(file, frames, format, syntax);
        try {
            return read(file, input, format, syntax);
        } catch (IllegalStateException e) {
            throw new MrLoadException(file, "could not be decoded by GDCM as " + syntax.label() + " ("
                    + e.getMessage().replace('\n', ' ') + ")");
        } finally {
            try {
                Files.deleteIfExists(input);
            } catch (IOException e) {
                input.toFile().deleteOnExit();
            }
        }
    }

    private static List<float[]> read(Path file, Path input, PixelFormat format, TransferSyntax syntax) {
        Object reader = construct("gdcm.ImageReader");
        try {
            call(reader, "SetFileName", input.toString());
            if (!(boolean) call(reader, "Read")) {
                throw new MrLoadException(file, "could not be read by GDCM as " + syntax.label()
                        + ": its compressed data is corrupt or cut short");
            }
            Object image = call(reader, "GetImage");
            Object pixel = call(image, "GetPixelFormat");
            long frames = (long) call(image, "GetNumberOfDimensions") > 2 ? dimension(image, 2) : 1;
            int bits = (int) call(pixel, "GetBitsAllocated");
            int samples = (int) call(pixel, "GetSamplesPerPixel");
            if (dimension(image, 0) != format.width() || dimension(image, 1) != format.height() || frames != format.frames()
                    || bits != format.bitsAllocated() || samples != format.samples()) {
                throw new MrLoadException(file, String.format("was read by GDCM as %dx%d pixels x %d frame(s) of %d bits "
                                + "and %d sample(s) where its header says %dx%d x %d of %d bits and %d sample(s)",
                        dimension(image, 0), dimension(image, 1), frames, bits, samples, format.width(), format.height(),
                        format.frames(), format.bitsAllocated(), format.samples()));
            }
            long length = (long) call(image, "GetBufferLength");
            long expected = format.pixels() * format.frames() * samples * (bits / 8);
            if (length != expected) {
                throw new MrLoadException(file, "was decoded by GDCM into " + length + " bytes where " + expected + " were expected");
            }
            byte[] buffer = new byte[(int) length];
            if (!(boolean) call(image, "GetBuffer", buffer)) {
                throw new MrLoadException(file, "could not be decoded by GDCM as " + syntax.label()
                        + ": its compressed data is corrupt or cut short");
            }
            boolean luminance = call(image, "GetPhotometricInterpretation").toString().trim().startsWith("YBR");
            return frames(buffer, format, luminance);
        } finally {
            call(reader, "delete");
        }
    }

    private static List<float[]> frames(byte[] buffer, PixelFormat format, boolean luminance) {
        int bytes = format.bitsAllocated() / 8;
        int pixels = Math.toIntExact(format.pixels());
        var frames = new ArrayList<float[]>();
        int at = 0;
        for (int f = 0; f < format.frames(); f++) {
            float[] values = new float[pixels];
            for (int p = 0; p < pixels; p++) {
                if (format.samples() == 1) {
                    values[p] = format.stored(sample(buffer, at, bytes));
                } else {
                    int a = sample(buffer, at, bytes);
                    values[p] = luminance ? a : (a + sample(buffer, at + bytes, bytes) + sample(buffer, at + 2 * bytes, bytes)) / 3f;
                }
                at += bytes * format.samples();
            }
            frames.add(values);
        }
        return frames;
    }

    /** An unsigned little-endian sample of 1, 2 or 4 bytes. */
    private static int sample(byte[] buffer, int at, int bytes) {
        int value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = value << 8 | (buffer[at + i] & 0xff);
        }
        return value;
    }

    private static long dimension(Object image, long axis) {
        return (long) call(image, "GetDimension", axis);
    }

    private static Object construct(String type) {
        try {
            return Gdcm.type(type).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("gdcm.jar: cannot create " + type, e);
        }
    }

    /** Calls a public method of a GDCM object; arguments of type long, String or byte[]. */
    private static Object call(Object target, String name, Object... arguments) {
        try {
            for (Method method : target.getClass().getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                    return method.invoke(target, arguments);
                }
            }
            throw new IllegalStateException("gdcm.jar: " + target.getClass().getName() + " has no " + name);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("GDCM failed in " + name + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("gdcm.jar: cannot call " + name, e);
        }
    }
}
