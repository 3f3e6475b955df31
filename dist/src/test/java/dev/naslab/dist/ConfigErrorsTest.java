package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets one readable message naming the file and key, exit code 2, no stack trace. */
class ConfigErrorsTest {

    static final String GOOD = """
            name: t
            dataset: {use: fashion-mnist, path: sample}
            space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}
            search: {use: darts, epochs: 1}
            selection: [magnitude]
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed YAML|space: {use: nas-bench-201|malformed YAML at line 5, column 27: while parsing a flow mapping; expected ',' or '}', but got <stream end>",
        "unknown top-level key|serach: {use: darts}|serach: unknown key (did you mean 'search'?)",
        "unknown component key|search: {use: darts, epoch: 3}|search.epoch: unknown key (did you mean 'epochs'?)",
        "wrong type|search: {use: darts, epochs: many}|search.epochs: 'many' is not an integer",
        "out of range|search: {use: darts, epochs: -3}|search.epochs: must be a positive integer, got -3",
        "bad choice|search: {use: darts, order: third}|search.order: must be one of first, second, got 'third'",
        "unknown plugin|space: {use: nas-bench-202}|unknown space 'nas-bench-202' (did you mean 'nas-bench-201'?); installed: nas-bench-201",
        "unknown selector|selection: [magnitud]|selection[0]: unknown selector 'magnitud' (did you mean 'magnitude'?)",
        "missing dataset|dataset: {use: cifar10, path: /nonexistent/cifar}|dataset: path '/nonexistent/cifar' is not a folder",
        "bad engine|engine: tensorflow|engine: 'tensorflow' is not allowed; allowed: pytorch, mxnet",
    })
    void rejected(String what, String override, String expected, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        String text = GOOD;
        String key = override.substring(0, override.indexOf(':'));
        text = text.lines().filter(l -> !l.startsWith(key + ":")).reduce("", (a, b) -> a + b + "\n") + override + "\n";
        Files.writeString(file, text);
        Cli.Result r = Cli.run("validate", file.toString());
        assertEquals(2, r.code(), what + ": " + r.all());
        assertTrue(r.err().contains(file.toString()), what + ": the file is named: " + r.err());
        assertTrue(r.err().contains(expected), what + ": " + r.err());
        assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), what + ": no stack trace: " + r.all());
    }

    @Test
    void everyProblemIsReportedAtOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, GOOD.replace("epochs: 1", "epochs: 0, lr: -1") + "threads: 0\n");
        Cli.Result r = Cli.run("validate", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("threads: '0' is not a positive integer"), r.err());
        assertTrue(r.err().contains("search.epochs"), r.err());
    }

    @Test
    void goodFileValidatesAndOverridesApply(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("good.yaml");
        Files.writeString(file, GOOD);
        Cli.Result r = Cli.run("validate", file.toString(), "--set", "seeds=[0,1,2]");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("3 trial(s)"), r.out());
    }

    @Test
    void spaceRejectsAnInputItCannotBuildAndInspectCountsParameters() throws Exception {
        Cli.Result bad = Cli.run("inspect", "nas-bench-201", "--input", "3x30x30");
        assertEquals(2, bad.code(), bad.all());
        assertTrue(bad.err().contains("multiples of 4"), bad.err());
        Cli.Result ok = Cli.run("inspect", "nas-bench-201", "--input", "3x32x32", "--classes", "10");
        assertEquals(0, ok.code(), ok.all());
        assertTrue(ok.out().contains("parameters: 1686106"), ok.out());
        Cli.Result arch = Cli.run("inspect", "nas-bench-201", "--arch",
                "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|");
        assertTrue(arch.out().contains("parameters: 73306"), arch.all());
        Cli.Result badArch = Cli.run("inspect", "nas-bench-201", "--arch", "|skip~0|");
        assertEquals(2, badArch.code());
        assertTrue(badArch.err().contains("--arch:"), badArch.err());
    }
}
