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

/**
 * Bad input through the launcher: one readable message naming the file and key, exit code 2, no
 * stack trace. The table holds the shipped plugins' own messages; the host's messages are
 * specified in-process by platform-core's {@code ExperimentLoaderTest}.
 */
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
        "unknown plugin|space: {use: nas-bench-202}|unknown space 'nas-bench-202' (did you mean 'nas-bench-201'?); installed: darts, nas-bench-201",
        "unknown op in a DARTS op list|space: {use: darts, ops: [skip_connect, sep_conv_9x9]}|space.ops: unknown op 'sep_conv_9x9' (did you mean 'sep_conv_3x3'?)",
        "unknown DARTS op set|space: {use: darts, ops: s6}|space.ops: unknown op set 's6' (did you mean 's5'?); named sets: darts, s5, s1, s2, s3, s4",
        "drop path where cells have none|evaluation: {use: train, drop_path: 0.2}|evaluation.drop_path: 0.2 needs cells with drop path, which this space's networks do not have; set 0 (or leave it out) (space nas-bench-201)",
        "auxiliary loss without a head|evaluation: {use: train, auxiliary_weight: 0.4}|evaluation.auxiliary_weight: 0.4 needs an auxiliary head",
        "missing dataset|dataset: {use: cifar10, path: /nonexistent/cifar}|dataset: path '/nonexistent/cifar' is not a folder",
        "GDAS temperatures inverted|search: {use: gdas, tau_min: 2, tau_max: 1}|search.tau_min: 2.0 is above tau_max 1.0",
        "partial channels that do not divide|search: {use: pc-darts, epochs: 20, partial_channels: 3}|search: partial channels k = 3 does not divide nas-bench-201's channels: 4",
        "PC-DARTS warm-up as long as the search|search: {use: pc-darts, epochs: 10}|search.warmup_epochs: 15 is not below epochs (10)",
        "FairDARTS threshold outside (0, 1)|selection: [{use: threshold, threshold: 1.5}]|selection[0].threshold: 1.5 is not inside (0, 1)",
        "unknown named architecture|architectures: [ALL_SKIPP]|architectures[0]: unknown architecture 'ALL_SKIPP' for space nas-bench-201 (did you mean 'all_skip'?); published names: all_skip, all_conv3x3, all_conv1x1, all_pool, or give an architecture string",
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

    /** RobustDARTS's S4 (noise and sep_conv_3x3) has no skip connection for the skip stopper to count. */
    @Test
    void aSkipStopperOnASpaceWithoutSkipConnectionsIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s4.yaml");
        Files.writeString(file, GOOD.replace("space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}",
                "space: {use: darts, ops: s4, channels: 2, layers: 3}").replace("search: {use: darts, epochs: 1}",
                "search: {use: darts, epochs: 1, early_stop: skip}"));
        Cli.Result r = Cli.run("validate", file.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("search.early_stop: darts's normal cell has no skip_connect among its ops (noise, "
                + "sep_conv_3x3): the skip stopper would have nothing to count"), r.err());
        assertFalse(r.all().contains("Exception"), r.all());
    }

    @Test
    void pluginsDescribeShowsEachSettingFromThePlugin() throws Exception {
        Cli.Result r = Cli.run("plugins", "--describe", "darts");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("optimizer darts (plugin optimizer-darts ") && r.out().contains("space darts (plugin "),
                "both extensions called darts: " + r.out());
        assertTrue(r.out().matches("(?s).*\\n  epochs +integer +50 +search epochs; the default 50 is the DARTS-space reference.s.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  ops +string or list +darts +candidate ops: a named set.*"), r.out());
        Cli.Result unknown = Cli.run("plugins", "--describe", "dart");
        assertEquals(2, unknown.code(), unknown.all());
        assertTrue(unknown.err().contains("no extension 'dart' (did you mean 'darts'?)"), unknown.err());
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

    @Test
    void dartsSpaceCountsAndGenotypeErrors() throws Exception {
        Cli.Result supernet = Cli.run("inspect", "darts", "--input", "3x32x32", "--classes", "10");
        assertEquals(0, supernet.code(), supernet.all());
        assertTrue(supernet.out().contains("parameters: 1930618"), supernet.out());
        Cli.Result v2 = Cli.run("inspect", "darts", "--arch", "DARTS_V2", "--set", "eval_channels=36", "--set", "eval_layers=20");
        assertEquals(0, v2.code(), v2.all());
        assertTrue(v2.out().contains("parameters: 3349342"), v2.out());
        assertTrue(v2.out().contains("auxiliary head parameters (training only, not counted above): 476426"), v2.out());
        String node = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), "
                + "('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2), ('skip_connect', 3)], "
                + "normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), "
                + "('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 7)], "
                + "reduce_concat=[2, 3, 4, 5])";
        Cli.Result three = Cli.run("inspect", "darts", "--arch", node);
        assertEquals(2, three.code(), three.all());
        assertTrue(three.err().contains("--arch: normal has 9 (op, input) pairs; a DARTS cell has 4 intermediate nodes "
                + "with exactly 2 inputs each, 8 pairs; pair 8 would be a third input to node 5"), three.err());
        Cli.Result range = Cli.run("inspect", "darts", "--arch", node.replace(", ('skip_connect', 3)]", "]"));
        assertEquals(2, range.code(), range.all());
        assertTrue(range.err().contains("reduce[7] ('max_pool_3x3', 7): input 7 is out of range; node 5 (pairs 6 and 7) "
                + "takes inputs 0..4"), range.err());
        Cli.Result small = Cli.run("inspect", "darts", "--input", "1x14x14");
        assertEquals(2, small.code(), small.all());
        assertTrue(small.err().contains("cannot pass darts's two stride-2 reductions"), small.err());
        assertFalse(three.all().contains("\tat ") || range.all().contains("\tat "), "no stack traces");
    }
}
