package dev.naslab.core.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.naslab.api.SearchSpace;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.InputShape;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Network;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.nn.ParamStore;
import dev.naslab.api.base.Rng;
import dev.naslab.testkit.ToySupernet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parity check passes on a space that computes the same on both engines, and fails on one with
 * an engine-specific defect of the kind it exists to catch (MXNet's average pooling was once
 * rescaled twice at the borders: a few percent off on some outputs).
 */
class EngineParityTest {

    /** Settings of the toy space: how much MXNet's output is skewed (0: no defect). */
    record ToySettings(Double mxnetSkew) {
    }

    /** The kit's toy supernet as a space; no published architectures, so only supernet checks run. */
    static final class ToySpace implements SearchSpace<ToySettings> {
        @Override
        public String id() {
            return "toy";
        }

        @Override
        public Class<ToySettings> settingsClass() {
            return ToySettings.class;
        }

        @Override
        public List<CellType> cellTypes(ToySettings s) {
            return List.of(ToySupernet.CELL);
        }

        @Override
        public Supernet supernet(ToySettings s, InputShape input, int classes, Rng rng, NDManager m) {
            ToySupernet toy = new ToySupernet(input, classes, 4, rng.nextLong(), m);
            boolean skewed = s.mxnetSkew() != 0 && m.getEngine().getEngineName().equals("MXNet");
            return !skewed ? toy : new Supernet() {
                @Override
                public ArchState arch() {
                    return toy.arch();
                }

                @Override
                public NDArray forward(NDArray x, MixingWeights w, boolean training) {
                    return toy.forward(x, w, training).mul(1 + s.mxnetSkew());
                }

                @Override
                public NDArray forward(NDArray x, boolean training) {
                    return forward(x, toy.arch().mixingWeights(x.getManager()), training);
                }

                @Override
                public ParamStore params() {
                    return toy.params();
                }

                @Override
                public void close() {
                    toy.close();
                }
            };
        }

        @Override
        public Network network(Architecture a, ToySettings s, InputShape input, int classes, Rng rng, NDManager m) {
            throw new IllegalStateException("the toy space publishes no architectures");
        }

        @Override
        public Architecture parse(String text, ToySettings s) {
            throw new IllegalStateException("the toy space publishes no architectures");
        }

        @Override
        public String format(Architecture a, ToySettings s) {
            return a.toString();
        }
    }

    private static List<ParityCheck> run(double skew) {
        return new EngineParity<>(new ToySpace(), new ToySettings(skew), new InputShape(1, 8, 8), 3, 4, 0)
                .run(Engine.getEngine("PyTorch"), Engine.getEngine("MXNet"), c -> { });
    }

    @Test
    void theSameComputationPassesEveryCheck() {
        List<ParityCheck> checks = run(0);
        assertEquals(7, checks.size(), checks.toString());
        for (ParityCheck c : checks) {
            assertEquals(ParityCheck.Verdict.OK, c.verdict(), c.toString());
        }
    }

    @Test
    void anEngineSpecificDefectFails() {
        List<ParityCheck> checks = run(0.01);
        ParityCheck logits = checks.get(0);
        assertEquals("supernet logits (batch statistics)", logits.what());
        assertEquals(0.01, logits.relative(), 1e-4, "the skew itself");
        assertEquals(ParityCheck.Verdict.FAILED, logits.verdict(), logits.toString());
        assertTrue(checks.stream().anyMatch(c -> c.what().equals("supernet weight gradients")
                && c.verdict() == ParityCheck.Verdict.FAILED), checks.toString());
    }

    @Test
    void aDifferenceTheReferenceItselfShowsUnderANudgeIsInconclusive() {
        assertEquals(ParityCheck.Verdict.INCONCLUSIVE, new ParityCheck("x", 0.05, 0.02, 1e-3, "").verdict());
        assertEquals(ParityCheck.Verdict.FAILED, new ParityCheck("x", 0.05, 1e-5, 1e-3, "").verdict());
        assertEquals(ParityCheck.Verdict.OK, new ParityCheck("x", 5e-4, 0.02, 1e-3, "").verdict());
        assertEquals(ParityCheck.Verdict.FAILED, new ParityCheck("x", Double.NaN, 0, 1e-3, "").verdict());
    }
}
