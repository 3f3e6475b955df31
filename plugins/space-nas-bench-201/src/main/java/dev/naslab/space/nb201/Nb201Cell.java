package dev.naslab.space.nb201;

import dev.naslab.api.model.CellType;
import dev.naslab.api.model.Edge;
import java.util.ArrayList;
import java.util.List;

/** The NAS-Bench-201 cell: 4 nodes, 6 edges j→i (j < i), 5 candidate ops. */
final class Nb201Cell {

    static final String NAME = "cell";
    static final List<String> OPS = List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");
    static final int NONE = 0;
    static final int SKIP = 1;
    static final int CONV1 = 2;
    static final int CONV3 = 3;
    static final int POOL = 4;
    static final int NODES = 4;
    static final CellType TYPE = new CellType(NAME, edges(), OPS, 0);

    private Nb201Cell() {
    }

    /** Row order of α: edges keyed "i<-j" sorted as strings: 1←0, 2←0, 2←1, 3←0, 3←1, 3←2. */
    static int edge(int to, int from) {
        return to * (to - 1) / 2 + from;
    }

    private static List<Edge> edges() {
        List<Edge> out = new ArrayList<>();
        for (int i = 1; i < NODES; i++) {
            for (int j = 0; j < i; j++) {
                out.add(new Edge(j, i));
            }
        }
        return out;
    }
}
