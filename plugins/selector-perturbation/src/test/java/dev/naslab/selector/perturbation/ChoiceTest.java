package dev.naslab.selector.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChoiceTest {

    @Test
    void keepsTheOpWhoseRemovalHurtsMostFirstIndexOnTies() {
        double[] acc = {80, 60, 60, 75};
        double[] loss = {0.5, 0.9, 0.9, 0.6};
        assertEquals(1, Choice.opToKeep(acc, loss, true));
        assertEquals(1, Choice.opToKeep(acc, loss, false));
        assertEquals(0, Choice.opToKeep(new double[] {70, 70}, new double[] {1, 1}, true));
    }

    @Test
    void dropsTheEdgeWhoseRemovalHurtsLeastLaterEdgeOnTies() {
        double[] acc = {0, 0, 88, 90, 90};
        double[] loss = {0, 0, 0.4, 0.3, 0.3};
        assertEquals(4, Choice.edgeToDrop(new int[] {2, 3, 4}, acc, loss, true));
        assertEquals(4, Choice.edgeToDrop(new int[] {2, 3, 4}, acc, loss, false));
        assertEquals(3, Choice.edgeToDrop(new int[] {2, 3}, acc, loss, true));
    }
}
