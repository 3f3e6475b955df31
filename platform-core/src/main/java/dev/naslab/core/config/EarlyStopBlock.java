package dev.naslab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.naslab.api.BilevelSettings;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.Suggestions;
import dev.naslab.api.model.CellType;
import dev.naslab.core.stop.DartsAda;
import dev.naslab.core.stop.DartsEs;
import dev.naslab.core.stop.EarlyStopper;
import dev.naslab.core.stop.SkipStopper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A search block's {@code early_stop:}: {@code darts-es}, {@code darts-ada} or {@code skip}, as a name
 * or as {@code {rule: ..., settings}}, checked against the experiment (the eigenvalue rules need
 * {@code diagnostics:}, DARTS-ADA an optimizer with {@code weight_decay}, the skip stopper a space
 * with skip connections in the cells it watches).
 */
final class EarlyStopBlock {

    static final List<String> RULES = List.of(DartsEs.RULE, DartsAda.RULE, SkipStopper.RULE);
    private static final List<String> ES_KEYS = List.of("rule", "window", "delta", "factor", "start_epoch", "mode");
    private static final List<String> ADA_KEYS = List.of("rule", "window", "delta", "factor", "start_epoch",
            "weight_decay_factor", "max_weight_decay");
    private static final List<String> SKIP_KEYS = List.of("rule", "min_epochs", "max_skip", "cells");

    private EarlyStopBlock() {
    }

    /** {@code searches} with each block's rule attached (unchanged where a block has none or a problem). */
    static List<SearchSpec> attach(JsonNode searchNode, List<SearchSpec> searches, Diagnostics diagnostics,
            List<Component> spaces, List<Problem> problems) {
        List<SearchSpec> out = new ArrayList<>();
        for (int i = 0; i < searches.size(); i++) {
            SearchSpec s = searches.get(i);
            JsonNode block = searchNode != null && searchNode.isArray() ? searchNode.get(i) : searchNode;
            JsonNode n = block == null ? null : block.get(SearchSpec.EARLY_STOP);
            if (n == null || n.isNull()) {
                out.add(s);
                continue;
            }
            String path = s.optimizer().path() + "." + SearchSpec.EARLY_STOP;
            out.add(s.stoppingEarly(read(n, path, s.optimizer(), diagnostics, spaces, problems)));
        }
        return out;
    }

    private static EarlyStopper read(JsonNode n, String path, Component optimizer, Diagnostics diagnostics,
            List<Component> spaces, List<Problem> problems) {
        String rule = n.isTextual() ? n.asText() : n.path("rule").asText(null);
        if (!n.isTextual() && !n.isObject()) {
            problems.add(new Problem(path, "must be a rule (" + String.join(", ", RULES)
                    + ") or a map such as {rule: darts-es, factor: 1.3}"));
            return null;
        }
        if (rule == null || !RULES.contains(rule)) {
            problems.add(new Problem(n.isTextual() ? path : path + ".rule", (rule == null ? "required" : "unknown rule '"
                    + rule + "'" + Suggestions.hint(rule, RULES)) + "; allowed: " + String.join(", ", RULES)));
            return null;
        }
        int before = problems.size();
        Reader r = new Reader(n, path, rule.equals(DartsEs.RULE) ? ES_KEYS : rule.equals(DartsAda.RULE) ? ADA_KEYS
                : SKIP_KEYS, problems);
        EarlyStopper stopper = switch (rule) {
            case SkipStopper.RULE -> skip(r, path, spaces, problems);
            default -> eigenvalueRule(r, rule, path, optimizer, diagnostics, problems);
        };
        return problems.size() > before ? null : stopper;
    }

    private static EarlyStopper eigenvalueRule(Reader r, String rule, String path, Component optimizer,
            Diagnostics diagnostics, List<Problem> problems) {
        int window = r.integer("window", 5, 1);
        int delta = r.integer("delta", 4, 1);
        double factor = r.positive("factor", 1.3);
        int start = r.integer("start_epoch", 10, 1);
        String mode = rule.equals(DartsEs.RULE) ? r.choice("mode", List.of("stop", "simulate"), "stop") : "stop";
        if (diagnostics == null) {
            problems.add(new Problem(path, rule + " reads the Hessian's largest eigenvalue: add diagnostics: "
                    + "{hessian_every: 2} to the experiment (RobustDARTS measures every 2 epochs)"));
            return null;
        }
        DartsEs es = new DartsEs(window, delta, factor, start, mode.equals("simulate"), diagnostics.hessianEvery());
        if (rule.equals(DartsEs.RULE)) {
            return es;
        }
        double multiplier = r.positive("weight_decay_factor", 3.0);
        double max = r.positive("max_weight_decay", 0.0243);
        if (multiplier <= 1) {
            problems.add(new Problem(path + ".weight_decay_factor", multiplier + " must be above 1: it multiplies "
                    + "the weight decay at each roll-back (RobustDARTS: 3)"));
        }
        if (!(optimizer.settings() instanceof BilevelSettings b)) {
            problems.add(new Problem(path, "darts-ada raises the optimizer's weight_decay, and " + optimizer.id()
                    + " has none (the DARTS-family optimizers, whose settings are BilevelSettings, have it)"));
            return null;
        }
        return new DartsAda(es, multiplier, max, b.weightDecay());
    }

    private static EarlyStopper skip(Reader r, String path, List<Component> spaces, List<Problem> problems) {
        int minEpochs = r.integer("min_epochs", 0, 0);
        int maxSkip = r.integer("max_skip", 1, 0);
        List<String> cells = r.names("cells");
        for (Component s : spaces) {
            List<CellType> types = s.extension(SearchSpace.class).cellTypes(s.settings());
            List<String> names = types.stream().map(CellType::name).toList();
            List<String> watched = cells.isEmpty() ? names.subList(0, 1) : cells;
            for (String c : watched) {
                if (!names.contains(c)) {
                    problems.add(new Problem(path + ".cells", "'" + c + "' is not a cell type of " + s.label()
                            + Suggestions.hint(c, names) + "; its cell types: " + String.join(", ", names)));
                } else if (types.get(names.indexOf(c)).ops().stream().noneMatch("skip_connect"::equals)) {
                    problems.add(new Problem(path, s.label() + "'s " + c + " cell has no skip_connect among its ops ("
                            + String.join(", ", types.get(names.indexOf(c)).ops())
                            + "): the skip stopper would have nothing to count"));
                }
            }
        }
        return new SkipStopper(minEpochs, maxSkip, cells);
    }

    /** The block's values, each checked where it is read; unknown keys are problems with a suggestion. */
    private static final class Reader {
        private final JsonNode n;
        private final String path;
        private final List<Problem> problems;

        Reader(JsonNode n, String path, List<String> keys, List<Problem> problems) {
            this.n = n;
            this.path = path;
            this.problems = problems;
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!keys.contains(k)) {
                    problems.add(new Problem(path + "." + k, "unknown key" + Suggestions.hint(k, keys) + "; allowed: "
                            + String.join(", ", keys)));
                }
            }
        }

        int integer(String key, int dflt, int min) {
            JsonNode v = n.get(key);
            if (v == null) {
                return dflt;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
                problems.add(new Problem(path + "." + key, "'" + v.asText() + "' must be an integer of at least " + min
                        + " (default " + dflt + ")"));
                return dflt;
            }
            return v.asInt();
        }

        double positive(String key, double dflt) {
            JsonNode v = n.get(key);
            if (v == null) {
                return dflt;
            }
            if (!v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) {
                problems.add(new Problem(path + "." + key, "'" + v.asText() + "' must be a positive number (default "
                        + dflt + ")"));
                return dflt;
            }
            return v.asDouble();
        }

        String choice(String key, List<String> allowed, String dflt) {
            JsonNode v = n.get(key);
            if (v == null) {
                return dflt;
            }
            if (!v.isTextual() || !allowed.contains(v.asText())) {
                problems.add(new Problem(path + "." + key, "'" + v.asText() + "' is not one of " + String.join(", ",
                        allowed) + Suggestions.hint(v.asText(), allowed)));
                return dflt;
            }
            return v.asText();
        }

        List<String> names(String key) {
            JsonNode v = n.get(key);
            if (v == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (v.isTextual()) {
                out.add(v.asText());
            } else if (v.isArray()) {
                v.forEach(x -> out.add(x.asText()));
            } else {
                problems.add(new Problem(path + "." + key, "must be a cell type or a list of them, such as [normal]"));
            }
            return out;
        }
    }
}
