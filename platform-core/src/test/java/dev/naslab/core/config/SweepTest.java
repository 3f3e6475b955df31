package dev.naslab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sweep points, their labels and where problems are reported. */
class SweepTest {

    private static Sweep sweep(String yaml) throws Exception {
        List<Problem> problems = new ArrayList<>();
        Sweep s = Sweep.parse(Mappers.YAML.readTree(yaml), problems);
        assertEquals(List.of(), problems);
        return s;
    }

    @Test
    void gridIsTheProductFirstKeySlowest() throws Exception {
        Sweep s = sweep("{search.0.epochs: [10, 25], dataset.train_limit: [4000, 8000, 16000]}");
        List<Map<String, JsonNode>> points = s.points();
        assertEquals(6, points.size());
        assertEquals("epochs-10+train_limit-4000", s.label(points.get(0)));
        assertEquals("epochs-10+train_limit-16000", s.label(points.get(2)));
        assertEquals("epochs-25+train_limit-4000", s.label(points.get(3)));
    }

    @Test
    void collidingNamesKeepTheirPath() throws Exception {
        Sweep s = sweep("{search.0.epochs: [1], search.1.epochs: [2]}");
        assertEquals("search-0-epochs-1+search-1-epochs-2", s.label(s.points().get(0)));
    }

    @Test
    void keyPathsBecomeProblemPaths() {
        assertEquals("search[0].epochs", Sweep.problemPath("search.0.epochs"));
        assertEquals("selection[1].tune_epochs", Sweep.problemPath("selection.1.tune_epochs"));
        assertEquals("dataset.train_limit", Sweep.problemPath("dataset.train_limit"));
    }

    @Test
    void badBlocksAreNamed() throws Exception {
        List<Problem> problems = new ArrayList<>();
        Sweep.parse(Mappers.YAML.readTree("{seeds: [1, 2], search.epochs: 3, name: [a, b], search.lr: [0.1, 0.1]}"),
                problems);
        assertEquals(List.of(
                new Problem("sweep.seeds", "'seeds' cannot be swept: seeds are an axis of their own (seeds: [0, 1, 2])"),
                new Problem("sweep.search.epochs", "must be a non-empty list of values, e.g. [10, 25, 50]; found '3'"),
                new Problem("sweep.name", "'name' cannot be swept; sweep the keys inside blocks such as search.epochs "
                        + "or dataset.train_limit"),
                new Problem("sweep.search.lr", "value 0.1 is listed twice")), problems);
    }
}
