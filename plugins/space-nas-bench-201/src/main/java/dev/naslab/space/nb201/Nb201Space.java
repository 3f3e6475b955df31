package dev.naslab.space.nb201;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.SpaceCapability;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * NAS-Bench-201 (Dong and Yang, ICLR 2020, arXiv 2001.00326): a cell of 4 nodes and 6 edges with
 * 5 candidate ops, stacked N times in each of 3 stages; 15,625 architectures. The supernet
 * follows the reference search model (AutoDL / darts-pt {@code nasbench201}).
 */
@Extension
public final class Nb201Space implements SearchSpace<Nb201Settings> {

    @Override
    public String id() {
        return "nas-bench-201";
    }

    @Override
    public Class<Nb201Settings> settingsClass() {
        return Nb201Settings.class;
    }

    @Override
    public String description() {
        return "NAS-Bench-201 cell space: 6 edges x 5 ops, 3 stages of N cells";
    }

    @Override
    public List<CellType> cellTypes(Nb201Settings settings) {
        return List.of(Nb201Cell.TYPE);
    }

    @Override
    public List<String> check(Nb201Settings s, InputShape input, int classes) {
        List<String> problems = new ArrayList<>();
        if (input.height() % 4 != 0 || input.width() % 4 != 0) {
            problems.add("input " + input + " cannot pass nas-bench-201's two stride-2 residual reductions: "
                    + "height and width must be multiples of 4 (e.g. 28x28 or 32x32)");
        }
        if (classes < 2) {
            problems.add("the dataset has " + classes + " class; a classifier needs at least 2");
        }
        return problems;
    }

    @Override
    public Supernet supernet(Nb201Settings s, InputShape input, int classes, Rng rng, NDManager manager) {
        return new Nb201Supernet(s, input.channels(), classes, SupernetOptions.NONE, rng, manager);
    }

    @Override
    public Supernet supernet(Nb201Settings s, InputShape input, int classes, SupernetOptions options, Rng rng,
            NDManager manager) {
        return new Nb201Supernet(s, input.channels(), classes, options, rng, manager);
    }

    @Override
    public Set<SpaceCapability> capabilities(Nb201Settings s) {
        return Set.of(SpaceCapability.PARTIAL_CHANNELS, SpaceCapability.AUXILIARY_SKIP);
    }

    @Override
    public List<String> check(Nb201Settings s, SupernetOptions options) {
        int k = options.partialChannels();
        if (s.channels() % k != 0) {
            return List.of("partial channels k = " + k + " does not divide nas-bench-201's channels: " + s.channels()
                    + " (the first stage's, doubled at each reduction); choose a k that divides it");
        }
        return List.of();
    }

    @Override
    public Network network(Architecture a, Nb201Settings s, InputShape input, int classes, Rng rng,
            NDManager manager) {
        return new Nb201Network(a, s, input.channels(), classes, rng, manager);
    }

    /**
     * Cells defined by construction, for baseline rows: every edge the same op. {@code all_skip} is
     * the collapsed cell DARTS drifts towards (the paper's failure mode); {@code all_conv3x3} the
     * all-convolution cell.
     */
    @Override
    public java.util.Map<String, String> publishedArchitectures(Nb201Settings settings) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("all_skip", uniform("skip_connect"));
        out.put("all_conv3x3", uniform("nor_conv_3x3"));
        out.put("all_conv1x1", uniform("nor_conv_1x1"));
        out.put("all_pool", uniform("avg_pool_3x3"));
        return out;
    }

    private static String uniform(String op) {
        return "|" + op + "~0|+|" + op + "~0|" + op + "~1|+|" + op + "~0|" + op + "~1|" + op + "~2|";
    }

    @Override
    public Architecture parse(String text, Nb201Settings settings) {
        return ArchitectureString.parse(text);
    }

    @Override
    public String format(Architecture architecture, Nb201Settings settings) {
        return ArchitectureString.format(architecture);
    }
}
