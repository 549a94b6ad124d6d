package org.gantutorial.notebook;

import java.util.Map;

/**
 * Something a notebook shows as a two-column table (a backend report, a DICOM header summary).
 * Implementations supply the rows; the kernel renders the HTML, a console prints the text.
 */
public interface HtmlTable {
    Map<String, String> rows();

    default String toHtml() {
        var html = new StringBuilder("<table>");
        rows().forEach((key, value) -> html.append("<tr><th style=\"text-align:left\">").append(escape(key))
                .append("</th><td style=\"text-align:left\">").append(escape(value)).append("</td></tr>"));
        return html.append("</table>").toString();
    }

    /** The rows as aligned plain text. */
    static String text(Map<String, String> rows) {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        var text = new StringBuilder();
        rows.forEach((key, value) -> text.append(String.format("%-" + (width + 2) + "s%s%n", key, value)));
        return text.toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
