package dev.naslab.space.darts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.naslab.api.model.Architecture;
import dev.naslab.api.model.CellType;
import dev.naslab.api.select.Derivation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DARTS's genotype rule (spaces-and-optimizers.md A.6) on a hand-made 14×8 weight matrix: per node,
 * rank incoming edges by their largest non-{@code none} weight and keep 2 (ties to the lower edge);
 * each kept edge takes its argmax non-{@code none} op (ties to the lower op). Expected genotype
 * worked out by hand from the matrix below.
 */
class DerivationOnDartsCellTest {

    // column order: none, max_pool_3x3, avg_pool_3x3, skip_connect, sep_conv_3x3, sep_conv_5x5, dil_conv_3x3, dil_conv_5x5
    static float[][] handMade() {
        float[][] w = new float[14][8];
        for (float[] row : w) {
            Arrays.fill(row, 0.01f);
        }
        w[0][0] = 0.5f;  // edge 0 (0->2): none is largest but never chosen
        w[0][4] = 0.2f;  //   -> sep_conv_3x3
        w[1][1] = 0.3f;  // edge 1 (1->2): max_pool and skip tie
        w[1][3] = 0.3f;  //   -> max_pool_3x3 (lower op index)
        w[2][6] = 0.5f;  // edge 2 (0->3): strength 0.5 -> kept, dil_conv_3x3
        w[3][5] = 0.3f;  // edge 3 (1->3): strength 0.3, ties with edge 4 -> kept (lower edge)
        w[4][7] = 0.3f;  // edge 4 (2->3): dropped on the tie
        w[5][0] = 0.9f;  // edge 5 (0->4): huge none, strength 0.01 -> dropped
        w[6][3] = 0.6f;  // edge 6 (1->4): kept, skip_connect
        w[7][2] = 0.35f; // edge 7 (2->4): ties with edge 8 -> kept, avg_pool_3x3
        w[8][7] = 0.35f; // edge 8 (3->4): dropped on the tie
        w[9][7] = 0.4f;  // edge 9 (0->5): kept, dil_conv_5x5
        w[10][4] = 0.2f; // edges 10-12: weaker
        w[11][5] = 0.2f;
        w[12][1] = 0.2f;
        w[13][4] = 0.7f; // edge 13 (4->5): strongest, sep_conv_3x3
        return w;
    }

    @Test
    void handMadeAlphaGivesTheHandDerivedGenotype() {
        CellType normal = DartsCell.type("normal", java.util.Collections.nCopies(14, OpSets.DARTS));
        List<String> ops = Derivation.derive(normal, handMade());
        String r = Architecture.REMOVED;
        assertEquals(List.of("sep_conv_3x3", "max_pool_3x3", "dil_conv_3x3", "sep_conv_5x5", r, r, "skip_connect",
                "avg_pool_3x3", r, "dil_conv_5x5", r, r, r, "sep_conv_3x3"), ops);
        Architecture a = new Architecture(Map.of("normal", ops, "reduce", ops));
        assertEquals("Genotype(normal=[('sep_conv_3x3', 0), ('max_pool_3x3', 1), ('dil_conv_3x3', 0), "
                + "('sep_conv_5x5', 1), ('skip_connect', 1), ('avg_pool_3x3', 2), ('dil_conv_5x5', 0), "
                + "('sep_conv_3x3', 4)], normal_concat=[2, 3, 4, 5], reduce=[", GenotypeText.format(a).substring(0,
                GenotypeText.format(a).indexOf("reduce=[") + 8));
    }

    @Test
    void withoutNoneTheStrengthIsTheMaxOverAllOps() {
        // s5 (no none): drop column 0; edge 5's strength is now 0.01 everywhere except... all 0.01, edge 6 0.6
        float[][] w = handMade();
        float[][] s5 = new float[14][];
        for (int e = 0; e < 14; e++) {
            s5[e] = Arrays.copyOfRange(w[e], 1, 8);
        }
        CellType normal = DartsCell.type("normal", java.util.Collections.nCopies(14, OpSets.DARTS.subList(1, 8)));
        List<String> ops = Derivation.derive(normal, s5);
        // edge 0 without none: argmax is sep_conv_3x3 (0.2); the rest as with none
        assertEquals("sep_conv_3x3", ops.get(0));
        assertEquals("skip_connect", ops.get(6));
        assertEquals(Architecture.REMOVED, ops.get(5));
    }
}
