package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code naslab bench step --profile}: PyTorch's profiler writes a Chrome trace of the timed iterations. */
class BenchProfileTest {

    private static final String[] SMALL = {"bench", "step", "nas-bench-201", "--set", "channels=4", "--set",
        "cells_per_stage=1", "--input", "1x8x8", "--batch", "4", "--steps", "1", "--warmup", "1"};

    @Test
    void aTraceOfTheTimedIterationsIsWrittenAndNeverOverwritten(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.json");
        Cli.Result r = Cli.run(concat(SMALL, "--profile", trace.toString()));
        assertEquals(0, r.code(), r.all());
        JsonNode events = new ObjectMapper().readTree(trace.toFile());
        Set<String> names = new HashSet<>();
        events.forEach(e -> names.add(e.path("name").asText()));
        assertTrue(names.contains("aten::convolution"), "forward convolutions: " + names);
        assertTrue(names.contains("aten::convolution_backward"), "and their gradients: " + names);
        assertTrue(events.get(0).has("dur") && events.get(0).has("shape"), events.get(0).toString());

        long size = Files.size(trace);
        Cli.Result again = Cli.run(concat(SMALL, "--profile", trace.toString()));
        assertEquals(2, again.code(), again.all());
        assertTrue(again.err().contains("--profile: " + trace + " exists; naslab does not overwrite files"), again.err());
        assertEquals(size, Files.size(trace));

        Cli.Result mxnet = Cli.run(concat(SMALL, "--engine", "mxnet", "--profile", dir.resolve("m.json").toString()));
        assertEquals(2, mxnet.code(), mxnet.all());
        assertTrue(mxnet.err().contains("--profile: PyTorch's profiler only"), mxnet.err());
        assertTrue(!mxnet.err().contains("Exception"), mxnet.err());

        Cli.Result nowhere = Cli.run(concat(SMALL, "--profile", dir.resolve("no/such/t.json").toString()));
        assertEquals(2, nowhere.code(), nowhere.all());
        assertTrue(nowhere.err().contains("--profile: folder " + dir.resolve("no/such") + " does not exist"), nowhere.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
