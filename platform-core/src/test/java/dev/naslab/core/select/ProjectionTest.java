package dev.naslab.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import dev.naslab.api.base.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fixing a supernet to a selected architecture reads each op's column from its own edge's candidates. */
class ProjectionTest {

    @Test
    void perEdgeCandidatesMapNamesToTheirOwnColumns() {
        // RobustDARTS S1 style: the same name sits in different columns on different edges
        CellType c = CellType.perEdge("normal", List.of(new Edge(0, 2), new Edge(1, 2), new Edge(0, 3)),
                List.of(List.of("skip_connect", "dil_conv_3x3"), List.of("max_pool_3x3", "skip_connect"),
                        List.of("dil_conv_3x3", "dil_conv_5x5")), 2);
        try (NDManager m = NDManager.newBaseManager(); ArchState arch = new ArchState(List.of(c), m, new Rng(0), 1e-3f)) {
            Architecture a = new Architecture(Map.of("normal", List.of("dil_conv_3x3", "skip_connect", Architecture.REMOVED)));
            SelectionRunner.project(arch, a);
            assertEquals(1, arch.decision("normal", 0));
            assertEquals(1, arch.decision("normal", 1));
            assertEquals(ArchState.REMOVED, arch.decision("normal", 2));
        }
    }
}
