package dev.naslab.core.report;

import dev.naslab.api.model.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Draws a selected cell as an SVG DAG: nodes left to right, each kept edge an arc labelled with
 * its op (skip connections in red). Cells whose nodes keep a fixed number of inputs (the DARTS
 * space) get the output node that concatenates the intermediate nodes.
 */
final class CellDiagram {

    private static final int DX = 130;

    private CellDiagram() {
    }

    static String svg(RunFolder.CellInfo cell, List<String> ops) {
        TreeSet<Integer> nodes = new TreeSet<>();
        TreeSet<Integer> targets = new TreeSet<>();
        for (int[] e : cell.edges()) {
            nodes.add(e[0]);
            nodes.add(e[1]);
            targets.add(e[1]);
        }
        boolean concat = cell.inputsPerNode() > 0;
        List<Integer> order = new ArrayList<>(nodes);
        int columns = order.size() + (concat ? 1 : 0);
        int width = 60 + DX * (columns - 1) + 60;
        int inputs = (int) order.stream().filter(n -> !targets.contains(n)).count();
        double maxBend = 0;
        for (int e = 0; e < cell.edges().size(); e++) {
            maxBend = Math.max(maxBend, Math.abs(bend(e, Math.abs(order.indexOf(cell.edges().get(e)[1])
                    - order.indexOf(cell.edges().get(e)[0])))));
        }
        // a quadratic arc reaches half way to its control point; leave room for it, its label and stacked inputs
        final int mid = (int) Math.max(maxBend / 2 + 34, concat && inputs > 1 ? 45 * (inputs - 1) + 30 : 40);
        int height = 2 * mid;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cell\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">", width, height,
                width, height));
        sb.append("<title>").append(esc(cell.name())).append(" cell</title>");
        double[] x = new double[order.size()];
        double[] y = new double[order.size()];
        for (int i = 0; i < order.size(); i++) {
            boolean isInput = !targets.contains(order.get(i));
            x[i] = 60 + DX * (concat && isInput ? 0 : i - (concat ? inputs - 1 : 0));
            y[i] = concat && isInput && inputs > 1 ? mid + (i - (inputs - 1) / 2.0) * 90 : mid;
        }
        for (int e = 0; e < cell.edges().size(); e++) {
            String op = e < ops.size() ? ops.get(e) : Architecture.REMOVED;
            if (op.equals(Architecture.REMOVED) || op.equals("none")) {
                continue;
            }
            int a = order.indexOf(cell.edges().get(e)[0]);
            int b = order.indexOf(cell.edges().get(e)[1]);
            double bend = bend(e, Math.abs(x[b] - x[a]) / DX);
            double cx = (x[a] + x[b]) / 2;
            double cy = (y[a] + y[b]) / 2 + bend;
            String colour = op.equals("skip_connect") ? "#D55E00" : "#555";
            sb.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f Q%.1f %.1f %.1f %.1f\" fill=\"none\" "
                    + "stroke=\"%s\" stroke-width=\"%s\" marker-end=\"url(#arrow)\"/>", x[a], y[a], cx, cy, x[b] - 16,
                    y[b], colour, op.equals("skip_connect") ? "2.2" : "1.4"));
            double lx = 0.25 * x[a] + 0.5 * cx + 0.25 * x[b];
            double ly = 0.25 * y[a] + 0.5 * cy + 0.25 * y[b];
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\" "
                    + "paint-order=\"stroke\" stroke=\"white\" stroke-width=\"3\">%s</text>", lx, ly - 3, colour,
                    esc(op)));
        }
        if (concat) {
            double ox = 60 + DX * (columns - 1 - (inputs - 1));
            for (int i = 0; i < order.size(); i++) {
                if (targets.contains(order.get(i))) {
                    sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%d\" "
                            + "stroke=\"#999\" stroke-dasharray=\"4 3\"/>", x[i], y[i], ox - 16, mid));
                }
            }
            sb.append(node(ox, mid, "c_{k}", "#e8e8e8"));
        }
        for (int i = 0; i < order.size(); i++) {
            boolean isInput = !targets.contains(order.get(i));
            String label;
            if (concat) {
                label = isInput ? (inputs - i == 2 ? "c_{k-2}" : inputs - i == 1 ? "c_{k-1}" : "in" + i)
                        : Integer.toString(order.get(i) - inputs);
            } else {
                label = i == 0 ? "in" : i == order.size() - 1 ? "out" : Integer.toString(order.get(i));
            }
            sb.append(node(x[i], y[i], label, isInput || (!concat && i == order.size() - 1) ? "#e8e8e8" : "#cfe3f3"));
        }
        sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#555\"/>"
                + "</marker></defs>");
        return sb.append("</svg>").toString();
    }

    /** How far edge {@code e}'s arc bows (alternately up and down), more for edges that jump further. */
    private static double bend(int e, double span) {
        return (e % 2 == 0 ? -1 : 1) * Math.min(110, 18 + 26 * (span - 1) + (span <= 1 ? 0 : 10));
    }

    private static String node(double x, double y, String label, String fill) {
        return String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"16\" fill=\"%s\" stroke=\"#333\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>", x, y, fill, x,
                y + 4, esc(label));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
