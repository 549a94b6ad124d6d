package org.gantutorial.mr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups DICOM files into series (by Series Instance UID) and orders each series along the slice
 * normal (Image Position/Orientation), or by Instance Number where positions are missing.
 */
final class DicomSeries {
    private DicomSeries() {
    }

    /** One volume per series; files whose size differs from the rest of their series go to {@code skipped}. */
    static List<MrVolume> group(List<DicomImage> images, List<MrLoadException> skipped) {
        Map<String, List<DicomImage>> bySeries = new LinkedHashMap<>();
        for (DicomImage image : images) {
            String key = image.seriesUid().isEmpty() ? "no-uid:" + image.file().getParent() : image.seriesUid();
            bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(image);
        }
        var volumes = new ArrayList<MrVolume>();
        for (List<DicomImage> series : bySeries.values()) {
            List<DicomImage> sameSize = SameSize.keepMostCommon(series, DicomSeries::size, DicomImage::file, "series", skipped);
            sameSize.sort(order(sameSize));
            volumes.add(volume(sameSize));
        }
        return volumes;
    }

    private static String size(DicomImage image) {
        return image.width() + "x" + image.height();
    }

    private static Comparator<DicomImage> order(List<DicomImage> series) {
        boolean positioned = series.stream().allMatch(i -> i.position() != null && i.orientation() != null);
        Comparator<DicomImage> byFile = Comparator.comparing(i -> i.file().getFileName().toString());
        if (positioned) {
            return Comparator.comparingDouble(DicomImage::depthAlongNormal).thenComparing(byFile);
        }
        return Comparator.comparingInt(DicomImage::instance).thenComparing(byFile);
    }

    private static MrVolume volume(List<DicomImage> series) {
        DicomImage first = series.get(0);
        List<float[]> slices = series.stream().flatMap(i -> i.frames().stream()).toList();
        Function<String, String> tag = id -> DicomReader.tag(first.header(), id);
        String description = tag.apply("0008,103E");
        String name = description.isEmpty() ? first.file().getParent().getFileName() + " (series " + tag.apply("0020,0011") + ")" : description;
        var fields = List.of(
                field("Series description", description),
                field("Modality", first.modality()),
                field("Size", first.width() + "x" + first.height()),
                field("Slices", Integer.toString(slices.size())),
                field("Transfer syntax", String.join(", ", series.stream().map(i -> i.syntax().label()).distinct().toList())),
                field("Pixel spacing (mm)", tag.apply("0028,0030").replace('\\', 'x')),
                field("Slice thickness (mm)", tag.apply("0018,0050")),
                field("Scanner", (tag.apply("0008,0070") + " " + tag.apply("0008,1090")).trim()),
                field("Field strength (T)", tag.apply("0018,0087")),
                field("Protocol", tag.apply("0018,1030")),
                field("Study date", tag.apply("0008,0020")),
                identifying("Patient name", tag.apply("0010,0010")),
                identifying("Patient ID", tag.apply("0010,0020")),
                identifying("Birth date", tag.apply("0010,0030")),
                identifying("Accession number", tag.apply("0008,0050")),
                identifying("Institution", tag.apply("0008,0080")));
        return new MrVolume(name, first.modality(), first.width(), first.height(), slices, new HeaderSummary(fields));
    }

    private static HeaderSummary.Field field(String name, String value) {
        return new HeaderSummary.Field(name, value, false);
    }

    private static HeaderSummary.Field identifying(String name, String value) {
        return new HeaderSummary.Field(name, value, true);
    }
}
