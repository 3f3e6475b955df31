package dev.naslab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.core.cluster.Messages.FileBlob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSyncTest {

    private static void write(Path dir, String rel, String text) throws Exception {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static void applyAll(Path dir, List<FileBlob> blobs) {
        blobs.forEach(b -> FolderSync.write(dir, b));
    }

    @Test
    void pullsBringTheCoordinatorsCopyInStepWithTheWorkers(@TempDir Path tmp) throws Exception {
        Path worker = tmp.resolve("worker");
        Path coord = tmp.resolve("coord");
        Files.createDirectories(coord);
        write(worker, "search/checkpoint-0001/state.json", "{\"epoch\":1}");
        write(worker, "search/checkpoint-0002.tmp/state.json", "half written");
        write(worker, "result.json.tmp", "half written");
        write(worker, "trial.json", "{\"pluginRoots\":[\"/worker/plugins\"]}");
        write(worker, "trial.log", "line 1\n");
        FolderSync ws = new FolderSync();
        FolderSync cs = new FolderSync();

        List<FileBlob> first = ws.changed(worker, cs.manifest(coord), 0);
        assertEquals(List.of("search/checkpoint-0001/state.json", "trial.log"), first.stream().map(FileBlob::path).toList(),
                "temporaries and the worker's own trial.json stay behind; the log travels as appended text");
        applyAll(coord, first);
        long offset = first.get(1).bytes().length;

        // nothing new: only nothing comes back
        assertEquals(List.of(), ws.changed(worker, cs.manifest(coord), offset));

        write(worker, "search/checkpoint-0001/state.json", "{\"epoch\":1,\"changed\":true}");
        write(worker, "search/checkpoint-0002/state.json", "{\"epoch\":2}");
        Files.writeString(worker.resolve("trial.log"), "line 2\n", java.nio.file.StandardOpenOption.APPEND);
        List<FileBlob> second = ws.changed(worker, cs.manifest(coord), offset);
        assertEquals(List.of("search/checkpoint-0001/state.json", "search/checkpoint-0002/state.json", "trial.log"),
                second.stream().map(FileBlob::path).toList());
        assertEquals("line 2\n", new String(second.get(2).bytes(), StandardCharsets.UTF_8));
        applyAll(coord, second);

        assertEquals("line 1\nline 2\n", Files.readString(coord.resolve("trial.log")));
        assertEquals("{\"epoch\":1,\"changed\":true}", Files.readString(coord.resolve("search/checkpoint-0001/state.json")));
        assertEquals(ws.manifest(worker), cs.manifest(coord));
    }

    @Test
    void aResumedAttemptGetsTheNewestTwoCheckpointsAndNoResultOrLog(@TempDir Path tmp) throws Exception {
        for (int epoch = 1; epoch <= 4; epoch++) {
            write(tmp, "search/checkpoint-000" + epoch + "/tensors.bin", "weights " + epoch);
            write(tmp, "search/checkpoint-000" + epoch + "/state.json", "{}");
        }
        write(tmp, "search/checkpoint-0005/tensors.bin", "incomplete: no state.json yet");
        write(tmp, "search/metrics.jsonl", "{}");
        write(tmp, "result.json", "{}");
        write(tmp, "trial.log", "old attempt\n");
        List<FileBlob> files = new FolderSync().resumeFiles(tmp);
        assertEquals(List.of("search/checkpoint-0003/state.json", "search/checkpoint-0003/tensors.bin",
                "search/checkpoint-0004/state.json", "search/checkpoint-0004/tensors.bin", "search/metrics.jsonl"),
                files.stream().map(FileBlob::path).toList());
    }

    @Test
    void aFileOutsideTheTrialFolderIsRefused(@TempDir Path tmp) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FolderSync.write(tmp.resolve("trial"), new FileBlob("../../etc/x", new byte[0], false)));
        assertTrue(e.getMessage().contains("outside the trial folder"), e.getMessage());
        assertEquals(Map.of(), new FolderSync().manifest(tmp.resolve("missing")));
    }

    @Test
    void linksInATrialFolderAreNeitherSentNorWrittenThrough(@TempDir Path tmp) throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "the user's");
        Path trial = Files.createDirectories(tmp.resolve("trial"));
        write(trial, "search/metrics.jsonl", "{}");
        Files.createSymbolicLink(trial.resolve("result.json"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(trial.resolve("linked"), outside);
        assertEquals(List.of("search/metrics.jsonl"), new FolderSync().changed(trial, Map.of(), 0).stream()
                .map(FileBlob::path).toList(), "links are not followed");
        assertThrows(IllegalArgumentException.class,
                () -> FolderSync.write(trial, new FileBlob("linked/planted.txt", new byte[] {1}, false)));
        assertThrows(IllegalArgumentException.class,
                () -> FolderSync.write(trial, new FileBlob("result.json", new byte[] {1}, false)));
        assertEquals("the user's", Files.readString(outside.resolve("secret.txt")));
        try (var s = Files.list(outside)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aBlobThatCannotBeWrittenLeavesNoTemporary(@TempDir Path tmp) throws Exception {
        Path trial = Files.createDirectories(tmp.resolve("trial"));
        Files.createDirectories(trial.resolve("search/checkpoint-0001"));
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> FolderSync.write(trial, new FileBlob("search/checkpoint-0001", new byte[] {1}, false)));
        assertTrue(e.getMessage().contains("is a folder, not a file"), e.getMessage());
        for (String odd : List.of("", "a//b", "./x", "a/./b", "x\u0000y", "/abs")) {
            assertThrows(IllegalArgumentException.class, () -> FolderSync.write(trial, new FileBlob(odd, new byte[] {1},
                    false)), odd);
        }
        try (var s = Files.walk(trial)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
