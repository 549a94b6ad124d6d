package org.gantutorial.notebook;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LiveViewTest {

    @Test
    void onAConsoleTextIsRewrittenOnOneLine() {
        var out = new ByteArrayOutputStream();
        var old = System.out;
        System.setOut(new PrintStream(out));
        try {
            assertFalse(Kernel.active());
            var view = LiveView.create();
            view.show("iteration 10");
            view.show("it 20");
            view.finish();
        } finally {
            System.setOut(old);
        }
        assertEquals("\riteration 10\rit 20       \n", out.toString());
    }

    @Test
    void tablesEscapeHtmlAndAlignText() {
        HtmlTable table = () -> Map.of("Series", "<T1 & T2>");
        assertEquals("<table><tr><th style=\"text-align:left\">Series</th>"
                + "<td style=\"text-align:left\">&lt;T1 &amp; T2&gt;</td></tr></table>", table.toHtml());
        assertEquals("Series  <T1 & T2>" + System.lineSeparator(), HtmlTable.text(table.rows()));
    }
}
