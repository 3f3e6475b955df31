package dev.naslab.space.darts;

import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DARTS genotype literal users copy from published code,
 * {@code Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], reduce=[...],
 * reduce_concat=range(2, 6))}: per cell type 8 (op, input) pairs, pairs 2i and 2i+1 feeding
 * intermediate node i (state i+2) from states 0..i+1. In an {@link Architecture} every cell type
 * has 14 entries in edge order, {@link Architecture#REMOVED} for edges not in the genotype;
 * {@link #format} writes each node's inputs in ascending order.
 *
 * <p>FairDARTS's sparse form lists (op, node, input) triples instead, any number per node:
 * {@code Genotype(normal=[('sep_conv_3x3', 2, 0), ('max_pool_3x3', 4, 0), ...], ...)}; an edge listed
 * with several ops keeps all of them ({@link Architecture#AND}), a node listed with no input is left out
 * of the cell. {@link #format} writes this form for architectures the pair form cannot express.
 */
final class GenotypeText {

    private static final Pattern CELL = Pattern.compile("\\b(normal|reduce)\\s*=\\s*\\[([^\\]]*)\\]");
    private static final Pattern CONCAT = Pattern.compile("\\b(normal|reduce)_concat\\s*=\\s*(\\[[^\\]]*\\]|range\\s*\\([^)]*\\))");
    private static final Pattern PAIR = Pattern.compile("\\(\\s*['\"]([^'\"]*)['\"]\\s*,\\s*(-?\\d+)\\s*\\)");
    private static final Pattern TRIPLE = Pattern.compile(
            "\\(\\s*['\"]([^'\"]*)['\"]\\s*,\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");
    private static final String EXAMPLE = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ...8 pairs], "
            + "normal_concat=[2, 3, 4, 5], reduce=[...8 pairs], reduce_concat=[2, 3, 4, 5])";

    private static final Map<String, String> PUBLISHED = load();

    private GenotypeText() {
    }

    /** The shipped published genotypes by name (see {@code published-genotypes.txt}). */
    static Map<String, String> published() {
        return PUBLISHED;
    }

    /**
     * Parses a genotype literal, or the name of a published genotype, against the candidates of
     * {@code types} (normal, reduce).
     *
     * @throws IllegalArgumentException naming the cell, the pair and what is allowed
     */
    static Architecture parse(String text, List<CellType> types) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty genotype; expected " + EXAMPLE + " or a published name ("
                    + String.join(", ", PUBLISHED.keySet()) + ")");
        }
        String t = text.trim();
        String named = PUBLISHED.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(t))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (named != null) {
            try {
                return parse(named, types);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("published genotype " + t.toUpperCase() + ": " + e.getMessage(), e);
            }
        }
        if (!t.contains("normal") && !t.contains("reduce")) {
            throw new IllegalArgumentException("'" + t + "' is neither a genotype nor a published name; expected "
                    + EXAMPLE + " or one of " + String.join(", ", PUBLISHED.keySet()));
        }
        Map<String, List<String>> cells = new LinkedHashMap<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher m = CELL.matcher(t);
        while (m.find()) {
            bodies.put(m.group(1), m.group(2));
        }
        Matcher c = CONCAT.matcher(t);
        while (c.find()) {
            String v = c.group(2).replaceAll("\\s", "");
            if (!v.equals("[2,3,4,5]") && !v.equals("range(2,6)")) {
                throw new IllegalArgumentException(c.group(1) + "_concat is " + c.group(2)
                        + "; naslab's DARTS cells concatenate all four intermediate nodes: [2, 3, 4, 5] or range(2, 6)");
            }
        }
        for (CellType type : types) {
            String body = bodies.get(type.name());
            if (body == null) {
                throw new IllegalArgumentException("genotype has no '" + type.name() + "=[...]' list; expected " + EXAMPLE);
            }
            cells.put(type.name(), parseCell(type, body));
        }
        return new Architecture(cells);
    }

    private static List<String> parseCell(CellType type, String body) {
        if (TRIPLE.matcher(body).find()) {
            return parseSparseCell(type, body);
        }
        String cell = type.name();
        Matcher p = PAIR.matcher(body);
        List<String[]> pairs = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (p.find()) {
            rest.append(body, last, p.start());
            last = p.end();
            pairs.add(new String[] {p.group(1), p.group(2)});
        }
        rest.append(body.substring(last));
        if (!rest.toString().replace(",", "").isBlank()) {
            throw new IllegalArgumentException(cell + ": cannot read '" + rest.toString().replace(",", " ").trim()
                    + "'; each entry must be ('op_name', input)");
        }
        int needed = 2 * DartsCell.STEPS;
        if (pairs.size() != needed) {
            String extra = pairs.size() > needed ? "; pair " + needed + " would be a third input to node "
                    + (DartsCell.STEPS + 1) : "";
            throw new IllegalArgumentException(cell + " has " + pairs.size() + " (op, input) pairs; a DARTS cell has "
                    + DartsCell.STEPS + " intermediate nodes with exactly 2 inputs each, " + needed + " pairs" + extra);
        }
        String[] ops = new String[DartsCell.EDGES];
        Arrays.fill(ops, Architecture.REMOVED);
        for (int i = 0; i < pairs.size(); i++) {
            String op = pairs.get(i)[0];
            int input = Integer.parseInt(pairs.get(i)[1]);
            int to = i / 2 + 2;
            String where = cell + "[" + i + "] ('" + op + "', " + input + ")";
            if (input < 0 || input >= to) {
                throw new IllegalArgumentException(where + ": input " + input + " is out of range; node " + to
                        + " (pairs " + (i / 2 * 2) + " and " + (i / 2 * 2 + 1) + ") takes inputs 0.." + (to - 1));
            }
            int e = DartsCell.edge(to, input);
            if (ops[e].equals(op)) {
                throw new IllegalArgumentException(where + ": node " + to + " takes input " + input
                        + " twice through " + op + "; list an op once per input");
            }
            List<String> allowed = type.ops(e);
            if (!allowed.contains(op)) {
                String known = OpSets.ALL.contains(op) ? "" : OpSets.hint(op, OpSets.ALL);
                throw new IllegalArgumentException(where + ": op '" + op + "'" + known + " is not a candidate of edge "
                        + input + "->" + to + " in this space; allowed: " + String.join(", ", allowed));
            }
            // the same input twice with two ops: the reference cell sums both, as an edge keeping both does
            ops[e] = ops[e].equals(Architecture.REMOVED) ? op : Architecture.join(List.of(ops[e], op));
        }
        return List.of(ops);
    }

    /** FairDARTS's (op, node, input) triples: any number per node, several ops per edge. */
    private static List<String> parseSparseCell(CellType type, String body) {
        String cell = type.name();
        Matcher t = TRIPLE.matcher(body);
        List<List<String>> kept = new ArrayList<>();
        for (int e = 0; e < DartsCell.EDGES; e++) {
            kept.add(new ArrayList<>());
        }
        StringBuilder rest = new StringBuilder();
        int last = 0;
        int i = 0;
        while (t.find()) {
            rest.append(body, last, t.start());
            last = t.end();
            String op = t.group(1);
            int to = Integer.parseInt(t.group(2));
            int input = Integer.parseInt(t.group(3));
            String where = cell + "[" + i++ + "] ('" + op + "', " + to + ", " + input + ")";
            if (to < 2 || to >= 2 + DartsCell.STEPS) {
                throw new IllegalArgumentException(where + ": node " + to + " is not an intermediate node; they are 2.."
                        + (1 + DartsCell.STEPS));
            }
            if (input < 0 || input >= to) {
                throw new IllegalArgumentException(where + ": input " + input + " is out of range; node " + to
                        + " takes inputs 0.." + (to - 1));
            }
            int e = DartsCell.edge(to, input);
            List<String> allowed = type.ops(e);
            if (!allowed.contains(op) || op.equals("none")) {
                String known = OpSets.ALL.contains(op) ? "" : OpSets.hint(op, OpSets.ALL);
                throw new IllegalArgumentException(where + ": op '" + op + "'" + known + " is not a candidate of edge "
                        + input + "->" + to + " in this space; allowed: "
                        + String.join(", ", allowed.stream().filter(o -> !o.equals("none")).toList()));
            }
            if (kept.get(e).contains(op)) {
                throw new IllegalArgumentException(where + ": edge " + input + "->" + to + " lists " + op + " twice");
            }
            kept.get(e).add(op);
        }
        rest.append(body.substring(last));
        if (!rest.toString().replace(",", "").isBlank()) {
            throw new IllegalArgumentException(cell + ": cannot read '" + rest.toString().replace(",", " ").trim()
                    + "'; in the sparse form each entry must be ('op_name', node, input)");
        }
        List<String> ops = kept.stream().map(Architecture::join).toList();
        if (EvalCell.outputNodes(ops).isEmpty()) {
            throw new IllegalArgumentException(cell + " keeps no op that reaches an intermediate node from the cell's "
                    + "inputs; a cell needs at least one");
        }
        return ops;
    }

    /** Whether every node has exactly two inputs with one op each: what the pair form can write. */
    private static boolean fitsPairs(List<String> ops) {
        for (int to = 2; to < 2 + DartsCell.STEPS; to++) {
            int inputs = 0;
            for (int from = 0; from < to; from++) {
                List<String> kept = Architecture.opsOf(ops.get(DartsCell.edge(to, from)));
                if (kept.size() > 1) {
                    return false;
                }
                inputs += kept.size();
            }
            if (inputs != 2) {
                return false;
            }
        }
        return true;
    }

    /** Writes the genotype literal, each node's inputs in ascending order (the sparse form when needed). */
    static String format(Architecture a) {
        if (!fitsPairs(a.ops(DartsCell.NORMAL)) || !fitsPairs(a.ops(DartsCell.REDUCE))) {
            return formatSparse(a);
        }
        StringBuilder sb = new StringBuilder("Genotype(");
        for (String cell : List.of(DartsCell.NORMAL, DartsCell.REDUCE)) {
            List<String> ops = a.ops(cell);
            sb.append(cell).append("=[");
            boolean first = true;
            for (int to = 2; to < 2 + DartsCell.STEPS; to++) {
                for (int from = 0; from < to; from++) {
                    String op = ops.get(DartsCell.edge(to, from));
                    if (!op.equals(Architecture.REMOVED)) {
                        sb.append(first ? "" : ", ").append("('").append(op).append("', ").append(from).append(')');
                        first = false;
                    }
                }
            }
            sb.append("], ").append(cell).append("_concat=[2, 3, 4, 5]");
            sb.append(cell.equals(DartsCell.NORMAL) ? ", " : ")");
        }
        return sb.toString();
    }

    private static String formatSparse(Architecture a) {
        StringBuilder sb = new StringBuilder("Genotype(");
        for (String cell : List.of(DartsCell.NORMAL, DartsCell.REDUCE)) {
            List<String> ops = a.ops(cell);
            sb.append(cell).append("=[");
            boolean first = true;
            for (int to = 2; to < 2 + DartsCell.STEPS; to++) {
                for (int from = 0; from < to; from++) {
                    for (String op : Architecture.opsOf(ops.get(DartsCell.edge(to, from)))) {
                        sb.append(first ? "" : ", ").append("('").append(op).append("', ").append(to).append(", ")
                                .append(from).append(')');
                        first = false;
                    }
                }
            }
            sb.append("], ").append(cell).append("_concat=range(2, 6)");
            sb.append(cell.equals(DartsCell.NORMAL) ? ", " : ")");
        }
        return sb.toString();
    }

    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = GenotypeText.class.getResourceAsStream("published-genotypes.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
