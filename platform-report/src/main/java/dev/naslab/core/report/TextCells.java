package dev.naslab.core.report;

import java.util.regex.Pattern;

/**
 * Text that goes into a table cell of {@code results.csv}, {@code summary.csv} or
 * {@code report.md}. Values can come from experiment files (a swept dataset path, a label, a
 * failed trial's message), so CSV cells that a spreadsheet would run as a formula are neutralised
 * (OWASP's rule: a leading {@code '}) and the Markdown characters that make links, HTML, emphasis,
 * code or table columns are escaped (an underscore inside a name does not need it).
 */
public final class TextCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*\\[\\]<>|])");

    private TextCells() {
    }

    /** A CSV cell: quoted when needed; a text starting with =, +, -, @, tab or CR gets a leading '. */
    public static String csv(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !NUMBER.matcher(s).matches() && !s.equals("-")) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Text in a Markdown paragraph or table cell: markup characters escaped, line breaks as spaces. */
    public static String md(String v) {
        if (v == null) {
            return "";
        }
        return MARKDOWN.matcher(v.replace("\r", " ").replace("\n", " ")).replaceAll("\\\\$1");
    }

    /** Text in a Markdown code span. */
    public static String mdCode(String v) {
        return v == null ? "``" : "`" + v.replace("`", "'").replace("\r", " ").replace("\n", " ") + "`";
    }
}
