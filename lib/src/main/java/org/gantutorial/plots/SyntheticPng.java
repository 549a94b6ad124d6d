package org.gantutorial.plots;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PNG that says, inside the file, that it is synthetic: tEXt chunks (PNG's plain keyword-and-text
 * metadata, which image viewers and tools such as {@code exiftool} or {@code identify -verbose} show)
 * with "Synthetic", the model, the seed and the date, beside the {@code SYNTHETIC-} file name. A file
 * name is lost when an image is renamed or pasted into a report; the chunks travel with the pixels
 * (until a tool rewrites the file without them).
 */
public final class SyntheticPng {
    private static final String FORMAT = "javax_imageio_png_1.0";

    private SyntheticPng() {
    }

    /** Writes {@code picture} to {@code file} as PNG with {@code provenance}'s tEXt chunks. */
    public static void write(BufferedImage picture, Path file, Provenance provenance) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(picture), null);
            var text = new IIOMetadataNode("tEXt");
            provenance.chunks().forEach((keyword, value) -> {
                var entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", keyword);
                entry.setAttribute("value", value);
                text.appendChild(entry);
            });
            var root = new IIOMetadataNode(FORMAT);
            root.appendChild(text);
            metadata.mergeTree(FORMAT, root);
            writer.write(new IIOImage(picture, null, metadata));
        } catch (IIOInvalidTreeException e) {
            throw new IOException("could not add the synthetic-image text to " + file + ": " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    /** The tEXt chunks of a PNG file, keyword to text, in file order; empty when it has none. */
    public static Map<String, String> read(Path file) throws IOException {
        var chunks = new LinkedHashMap<String, String>();
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(file + " is not an image ImageIO can read; pass a PNG file");
            }
            var reader = readers.next();
            reader.setInput(in);
            var tree = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT);
            var entries = tree.getElementsByTagName("tEXtEntry");
            for (int i = 0; i < entries.getLength(); i++) {
                var entry = (IIOMetadataNode) entries.item(i);
                chunks.put(entry.getAttribute("keyword"), entry.getAttribute("value"));
            }
            reader.dispose();
        }
        return chunks;
    }
}
