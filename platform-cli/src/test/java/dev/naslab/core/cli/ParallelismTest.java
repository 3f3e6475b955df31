package dev.naslab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParallelismTest {

    @Test
    void leftOpenItFillsTheCoresWithOneThreadTrials() {
        assertEquals(new Parallelism(2, 1, true), Parallelism.choose(null, null, 12, 2));
        assertEquals(new Parallelism(8, 1, true), Parallelism.choose(null, null, 12, 8));
    }

    @Test
    void fewerTrialsThanCoresShareTheCoresOut() {
        assertEquals(new Parallelism(1, 2, true), Parallelism.choose(null, null, 1, 2));
        assertEquals(new Parallelism(3, 2, true), Parallelism.choose(null, null, 3, 8));
    }

    @Test
    void explicitValuesWin() {
        assertEquals(new Parallelism(1, 2, false), Parallelism.choose(null, 2, 12, 2), "threads: 2 on 2 cores");
        assertEquals(new Parallelism(4, 2, false), Parallelism.choose(null, 2, 12, 8));
        assertEquals(new Parallelism(1, 4, false), Parallelism.choose(null, 4, 12, 2), "more threads than cores");
        assertEquals(new Parallelism(3, 1, true), Parallelism.choose(3, null, 12, 2), "--parallel alone");
        assertEquals(new Parallelism(2, 2, false), Parallelism.choose(2, 2, 12, 2), "both given");
    }
}
