package dev.naslab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.naslab.core.plugin.Registry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inputs that used to be taken silently or to fail with a message that names nothing. */
class InputSafetyTest {

    private static Registry registry;

    @BeforeAll
    static void noPlugins() {
        registry = Registry.load(List.of(), false);
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    private static List<Problem> problems(String yaml) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ExperimentLoader(registry).parseStudy("x.yaml", yaml, List.of()));
        return e.problems();
    }

    private static boolean has(List<Problem> ps, String path, String text) {
        return ps.stream().anyMatch(p -> p.path().equals(path) && p.message().contains(text));
    }

    @Test
    void aKeyGivenTwiceNamesBothLines() {
        List<Problem> ps = problems("""
                name: t
                search: {use: darts, epochs: 1,
                  epochs: 50}
                space: [{use: a, channels: 4}, {use: b, channels: 4, channels: 8}]
                name: u
                """);
        assertTrue(has(ps, "search.epochs", "given twice, on line 2 and on line 3"), ps.toString());
        assertTrue(has(ps, "space[1].channels", "given twice, on line 4 and on line 4"), ps.toString());
        assertTrue(has(ps, "name", "given twice, on line 1 and on line 5"), ps.toString());
        assertEquals(3, ps.size(), "only the duplicates are said, before anything is read: " + ps);
    }

    @Test
    void seedsBeyondSixtyFourBitsAreRefusedNotWrapped() {
        assertTrue(has(problems("name: t\nseeds: [1, 18446744073709551617]\n"), "seeds[1]",
                "is out of range: a seed is a 64-bit integer"));
        assertTrue(has(problems("name: t\nseeds: 99999999999999999999\n"), "seeds", "is out of range"));
    }

    @Test
    void anOutputThatIsEmptyOrTheRootIsRefused() {
        assertTrue(has(problems("name: t\noutput: ''\n"), "output", "is empty: give the folder the run writes to"));
        assertTrue(has(problems("name: t\noutput: /\n"), "output", "'/' is the file system's root"));
        assertTrue(has(problems("name: t\noutput: /tmp/../\n"), "output", "is the file system's root"));
    }

    @Test
    void aSetPathWithEmptyKeysIsNamed() {
        for (String bad : List.of(".", "search.", ".epochs", "search..epochs")) {
            List<Problem> ps = new ArrayList<>();
            ObjectNode root = Mappers.YAML.createObjectNode();
            Overrides.apply(root, List.of(bad + "=1"), ps);
            assertEquals(1, ps.size(), bad);
            assertEquals("--set " + bad, ps.get(0).path());
            assertTrue(ps.get(0).message().contains("is not a key path"), ps.get(0).message());
        }
    }
}
