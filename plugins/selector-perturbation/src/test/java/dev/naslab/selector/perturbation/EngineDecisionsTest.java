package dev.naslab.selector.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.InputShape;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.TestSelectionContext;
import dev.naslab.testkit.ToySupernet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DARTS-PT makes the same decisions on PyTorch and MXNet: the kit's toy supernet with the same
 * weights and α (copied from the PyTorch instance), real scoring passes over the same validation
 * images, no tuning in between. The masked-op losses behind each decision agree to 1e-4 relative.
 */
class EngineDecisionsTest {

    private static final InputShape SHAPE = new InputShape(1, 8, 8);

    @Test
    void sameDecisionsOnBothEngines(@TempDir Path dir) throws Exception {
        Map<String, NDArray> reference;
        List<JsonNode> pytorch;
        List<JsonNode> mxnet;
        Architecture a;
        Architecture b;
        try (NDManager mp = NDManager.newBaseManager("PyTorch"); NDManager mx = NDManager.newBaseManager("MXNet");
                ToySupernet p = new ToySupernet(SHAPE, 3, 4, 7, mp); ToySupernet x = new ToySupernet(SHAPE, 3, 4, 7, mx)) {
            // a structured α, so decisions are not all ties: edge e prefers op (e + 1) % 4
            float[] alpha = new float[12];
            for (int e = 0; e < 3; e++) {
                alpha[e * 4 + (e + 1) % 4] = 1f;
                alpha[e * 4 + (e + 2) % 4] = 0.5f;
            }
            p.arch().alpha("cell").set(alpha);
            reference = p.params().state();
            for (var e : reference.entrySet()) {
                x.params().state().get(e.getKey()).set(e.getValue().toFloatArray());
            }
            x.arch().alpha("cell").set(alpha);
            PerturbationSettings s = new PerturbationSettings("loss", 0, false, null, null, null, null, Map.of(), null,
                    null, null, null);
            a = new PerturbationSelector().select(new TestSelectionContext(p, TestData.splits(SHAPE, 3, 64, 0), 16, 0,
                    Files.createDirectories(dir.resolve("pytorch")), mp), s);
            b = new PerturbationSelector().select(new TestSelectionContext(x, TestData.splits(SHAPE, 3, 64, 0), 16, 0,
                    Files.createDirectories(dir.resolve("mxnet")), mx), s);
            pytorch = decisions(dir.resolve("pytorch/decisions.jsonl"));
            mxnet = decisions(dir.resolve("mxnet/decisions.jsonl"));
        }
        assertEquals(a, b);
        assertEquals(3, pytorch.size(), "one decision per edge");
        assertEquals(pytorch.size(), mxnet.size());
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < pytorch.size(); i++) {
            JsonNode p = pytorch.get(i);
            JsonNode x = mxnet.get(i);
            assertEquals(p.path("edge").asInt(), x.path("edge").asInt(), "same random edge order");
            assertEquals(p.path("choice").asText(), x.path("choice").asText());
            choices.add(p.path("choice").asText());
            for (int k = 0; k < p.path("candidates").size(); k++) {
                double lp = p.path("candidates").get(k).path("valid_loss_after_masking").asDouble();
                double lx = x.path("candidates").get(k).path("valid_loss_after_masking").asDouble();
                assertEquals(lp, lx, 1e-4 * Math.abs(lp), "masked loss of candidate " + k + " in decision " + i);
            }
        }
        assertTrue(choices.stream().distinct().count() > 1 || !choices.get(0).equals("none"),
                "the toy's decisions are not all one trivial choice: " + choices);
    }

    private static List<JsonNode> decisions(Path log) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            JsonNode n = json.readTree(line);
            if (n.has("choice")) {
                out.add(n);
            }
        }
        return out;
    }
}
