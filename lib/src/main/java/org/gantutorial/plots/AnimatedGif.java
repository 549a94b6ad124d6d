package org.gantutorial.plots;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes pictures as a looping animated GIF (e.g. the fixed-noise grid over training). */
public final class AnimatedGif {
    private AnimatedGif() {
    }

    /**
     * @param frames       pictures of equal size, in order
     * @param frameMillis  how long each frame shows; the last one stays three times as long
     */
    public static void write(List<BufferedImage> frames, Path file, int frameMillis) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to write to " + file);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = grey(frames.get(i));
                int delay = i == frames.size() - 1 ? 3 * frameMillis : frameMillis;
                writer.writeToSequence(new IIOImage(frame, null, metadata(writer, frame, delay, i == 0)), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** GIF needs a palette: 256 greys fit our pictures exactly. */
    private static BufferedImage grey(BufferedImage picture) {
        byte[] levels = new byte[256];
        for (int i = 0; i < 256; i++) {
            levels[i] = (byte) i;
        }
        var palette = new IndexColorModel(8, 256, levels, levels, levels);
        var indexed = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, palette);
        var g = indexed.createGraphics();
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        return indexed;
    }

    private static IIOMetadata metadata(ImageWriter writer, BufferedImage frame, int delayMillis, boolean first) throws IOException {
        // The frame's own palette: createFromRenderedImage would hand the writer the default palette of
        // TYPE_BYTE_INDEXED (a colour cube), and viewers then show the greys in false colour.
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(frame), null);
        String format = metadata.getNativeMetadataFormatName();
        var root = (IIOMetadataNode) metadata.getAsTree(format);
        var control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", String.valueOf(delayMillis / 10));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            // NETSCAPE2.0 application extension: loop forever.
            var extensions = child(root, "ApplicationExtensions");
            var loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(loop);
        }
        metadata.setFromTree(format, root);
        return metadata;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        var node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
