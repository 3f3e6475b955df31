package org.example.naslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.InputShape;
import dev.naslab.testkit.TestData;
import dev.naslab.testkit.TestSelectionContext;
import dev.naslab.testkit.ToySupernet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit-tested without the host, on the naslab test kit's toy supernet. */
class RandomSelectorTest {

    private static Architecture select(long seed, Boolean withNone, Path dir) {
        InputShape shape = new InputShape(1, 8, 8);
        try (NDManager m = NDManager.newBaseManager(); ToySupernet net = new ToySupernet(shape, 2, 4, 1, m)) {
            TestSelectionContext ctx = new TestSelectionContext(net, TestData.splits(shape, 2, 32, 0), 32, seed, dir, m);
            return new RandomSelector().select(ctx, new RandomSelector.Settings(withNone));
        }
    }

    @Test
    void sameSeedSameArchitectureAndNoNoneByDefault(@TempDir Path dir) {
        Architecture a = select(3, null, dir);
        assertEquals(a, select(3, null, dir));
        List<String> ops = a.ops(ToySupernet.CELL.name());
        assertEquals(3, ops.size());
        assertFalse(ops.contains("none"), ops.toString());
    }

    @Test
    void seedsDrawDifferentArchitectures(@TempDir Path dir) {
        long distinct = java.util.stream.LongStream.range(0, 8).mapToObj(s -> select(s, true, dir)).distinct().count();
        assertEquals(true, distinct > 1, "8 seeds gave " + distinct + " architecture(s)");
    }
}
