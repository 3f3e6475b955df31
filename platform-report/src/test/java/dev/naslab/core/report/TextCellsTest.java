package dev.naslab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextCellsTest {

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", TextCells.csv("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1+2", TextCells.csv("+1+2"));
        assertEquals("'@SUM(A1)", TextCells.csv("@SUM(A1)"));
        assertEquals("'-cmd|' /C calc'!A0", TextCells.csv("-cmd|' /C calc'!A0"));
        assertEquals("\"'=1,2\"", TextCells.csv("=1,2"));
        assertEquals("'\tx", TextCells.csv("\tx"));
    }

    @Test
    void numbersAndPlainTextStayAsTheyAre() {
        assertEquals("-0.25", TextCells.csv("-0.25"));
        assertEquals("+3", TextCells.csv("+3"));
        assertEquals("-1e-05", TextCells.csv("-1e-05"));
        assertEquals("-", TextCells.csv("-"));
        assertEquals("nas-bench-201.darts.s0", TextCells.csv("nas-bench-201.darts.s0"));
        assertEquals("\"a \"\"b\"\", c\"", TextCells.csv("a \"b\", c"));
    }

    @Test
    void markdownMarkupIsEscaped() {
        assertEquals("\\[click\\](http://x) \\<img src=x onerror=alert(1)\\> a \\| b \\*c\\* \\`d\\` all_skip",
                TextCells.md("[click](http://x) <img src=x onerror=alert(1)> a | b *c* `d` all_skip"));
        assertEquals("two lines", TextCells.md("two\nlines"));
        assertEquals("`a'b`", TextCells.mdCode("a`b"));
    }
}
