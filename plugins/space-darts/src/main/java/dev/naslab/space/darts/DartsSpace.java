package dev.naslab.space.darts;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.SpaceCapability;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.model.SupernetOptions;
import dev.naslab.api.model.TrainingFeature;
import dev.naslab.api.base.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The DARTS CNN space (Liu, Simonyan, Yang, ICLR 2019, arXiv 1806.09055): cells of 4 intermediate
 * nodes over 14 edges, a normal and a reduction cell type with one α each, stacked L times with
 * reductions at ⌊L/3⌋ and ⌊2L/3⌋. Architectures are DARTS genotypes; nodes keep 2 inputs.
 * The op sets include the RobustDARTS spaces S1–S4 (Zela et al., ICLR 2020) as the DARTS-PT code
 * defines them.
 */
@Extension
public final class DartsSpace implements SearchSpace<DartsSettings> {

    @Override
    public String id() {
        return "darts";
    }

    @Override
    public Class<DartsSettings> settingsClass() {
        return DartsSettings.class;
    }

    @Override
    public String description() {
        return "DARTS CNN cell space: normal and reduction cells, 14 edges x 8 ops; op sets s1-s5";
    }

    @Override
    public List<CellType> cellTypes(DartsSettings s) {
        Map<String, List<List<String>>> ops = s.edgeOps();
        return List.of(DartsCell.type(DartsCell.NORMAL, ops.get(DartsCell.NORMAL)),
                DartsCell.type(DartsCell.REDUCE, ops.get(DartsCell.REDUCE)));
    }

    @Override
    public List<String> check(DartsSettings s, InputShape input, int classes) {
        List<String> problems = new ArrayList<>();
        if (input.height() % 4 != 0 || input.width() % 4 != 0 || input.height() < 8 || input.width() < 8) {
            problems.add("input " + input + " cannot pass darts's two stride-2 reductions (factorized reduce needs an "
                    + "even size at both): height and width must be multiples of 4 and at least 8 (e.g. 28x28 or 32x32)");
        }
        if (classes < 2) {
            problems.add("the dataset has " + classes + " class; a classifier needs at least 2");
        }
        return problems;
    }

    @Override
    public Supernet supernet(DartsSettings s, InputShape input, int classes, Rng rng, NDManager manager) {
        return new DartsSupernet(s, cellTypes(s), input.channels(), classes, SupernetOptions.NONE, rng, manager);
    }

    @Override
    public Supernet supernet(DartsSettings s, InputShape input, int classes, SupernetOptions options, Rng rng,
            NDManager manager) {
        return new DartsSupernet(s, cellTypes(s), input.channels(), classes, options, rng, manager);
    }

    @Override
    public Set<SpaceCapability> capabilities(DartsSettings s) {
        return Set.of(SpaceCapability.PARTIAL_CHANNELS, SpaceCapability.AUXILIARY_SKIP);
    }

    /** k must divide every cell's channels (C, 2C, 4C) and every channel count a shuffle groups. */
    @Override
    public List<String> check(DartsSettings s, SupernetOptions options) {
        int k = options.partialChannels();
        if (s.channels() % k != 0) {
            return List.of("partial channels k = " + k + " does not divide darts's channels: " + s.channels()
                    + " (the first cells', doubled at each reduction); choose a k that divides it");
        }
        return List.of();
    }

    @Override
    public Network network(Architecture a, DartsSettings s, InputShape input, int classes, Rng rng, NDManager manager) {
        return new DartsNetwork(a, s, input.channels(), input.height(), classes, rng, manager);
    }

    @Override
    public Set<TrainingFeature> trainingFeatures(DartsSettings s) {
        return Set.of(TrainingFeature.AUXILIARY_HEAD, TrainingFeature.DROP_PATH);
    }

    @Override
    public Map<String, String> publishedArchitectures(DartsSettings s) {
        return GenotypeText.published();
    }

    @Override
    public Architecture parse(String text, DartsSettings s) {
        return GenotypeText.parse(text, cellTypes(s));
    }

    @Override
    public String format(Architecture a, DartsSettings s) {
        return GenotypeText.format(a);
    }
}
