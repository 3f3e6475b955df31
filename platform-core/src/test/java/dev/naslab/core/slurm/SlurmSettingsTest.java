package dev.naslab.core.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.core.plan.TrialSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What naslab asks Slurm for, and the values it refuses before Slurm sees them. */
class SlurmSettingsTest {

    private static SlurmSettings settings(String partition, String time, String gres, List<String> extra) {
        return new SlurmSettings(partition, "lab", time, "6G", gres, 2, extra, 10, 0);
    }

    @Test
    void badValuesAreRefusedWithWhatIsAllowed() {
        assertEquals("--time 'soon' is not allowed: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS, as sbatch "
                + "reads it", assertThrows(SlurmException.class, () -> settings(null, "soon", null, List.of()))
                        .getMessage());
        assertTrue(assertThrows(SlurmException.class, () -> settings("gpu q", null, null, List.of())).getMessage()
                .startsWith("--partition 'gpu q' is not allowed"));
        assertTrue(assertThrows(SlurmException.class, () -> settings(null, null, null, List.of("qos=high")))
                .getMessage().contains("give it as --sbatch-arg=--qos=high"));
        assertTrue(assertThrows(SlurmException.class, () -> settings(null, null, null, List.of("--qos=a\n#SBATCH x")))
                .getMessage().contains("on one line"));
        for (String ok : List.of("30", "04:00:00", "1-00", "2-12:30:00", "45:00")) {
            assertEquals(ok, settings("gpu,cpu", ok, "gpu:a100:1", List.of("--qos=high")).time());
        }
    }

    @Test
    void theScriptAsksForTheTrialsResourcesAndRunsTheLauncherInTheTrialFolder() {
        TrialSpec t = new TrialSpec("nas-bench-201.darts.s0", 0, 0, 0, "name: x", List.of(), false, "", Map.of(), null,
                "s", "o");
        Path dir = Path.of("/shared/runs/x/nas-bench-201.darts.s0");
        String s = JobScript.text("my exp", t, dir, Path.of("/shared/home/me"), settings("gpu", null, "gpu:1",
                List.of("--qos=high")), "01:30:00",
                List.of("/opt/naslab/bin/naslab", "trial", dir.toString()));
        List<String> lines = s.lines().toList();
        assertEquals("#!/bin/bash", lines.get(0));
        for (String line : List.of("#SBATCH --job-name=naslab-my_exp-nas-bench-201.darts.s0",
                "#SBATCH --chdir=/shared/home/me",
                "#SBATCH --output=/shared/runs/x/nas-bench-201.darts.s0/trial.log", "#SBATCH --open-mode=append",
                "#SBATCH --cpus-per-task=2", "#SBATCH --mem=6G", "#SBATCH --time=01:30:00", "#SBATCH --partition=gpu",
                "#SBATCH --account=lab", "#SBATCH --gres=gpu:1", "#SBATCH --qos=high",
                "export OMP_NUM_THREADS=2 DJL_OFFLINE=true OPT_OUT_TRACKING=true",
                "exec /opt/naslab/bin/naslab trial /shared/runs/x/nas-bench-201.darts.s0")) {
            assertTrue(lines.contains(line), line + " in\n" + s);
        }
        int lastDirective = 0;
        for (int i = 0; i < lines.size(); i++) {
            lastDirective = lines.get(i).startsWith("#SBATCH") ? i : lastDirective;
        }
        assertTrue(lines.subList(1, lastDirective).stream().allMatch(l -> l.startsWith("#")),
                "sbatch reads #SBATCH lines only before the first command");
        assertEquals("'/home/a b/lib/*'", JobScript.quote("/home/a b/lib/*"));
        assertEquals("'it'\\''s'", JobScript.quote("it's"));
        assertTrue(assertThrows(SlurmException.class, () -> JobScript.requirePlain(Path.of("/runs/my run")))
                .getMessage().contains("#SBATCH lines cannot carry"));
        assertThrows(SlurmException.class, () -> JobScript.requirePlain(Path.of("/runs/100%")));
    }

    @Test
    void timeLimitsAreTwiceTheEstimateInFiveMinuteStepsAndAtLeastAQuarterHour() {
        assertNull(TimeLimit.forEstimate(Double.NaN));
        assertEquals("00:15:00", TimeLimit.forEstimate(0));
        assertEquals("00:15:00", TimeLimit.forEstimate(450)); // 15 min exactly
        assertEquals("00:20:00", TimeLimit.forEstimate(451));
        assertEquals("00:35:00", TimeLimit.forEstimate(1000)); // 2000 s = 33.3 min
        assertEquals("1-02:00:00", TimeLimit.forEstimate(13 * 3600));
    }

    @Test
    void slurmStatesMeanWatchRunAgainOrReadTheResult() {
        for (String s : List.of("PENDING", "RUNNING", "COMPLETING", "REQUEUED", "SUSPENDED", "SOMETHING_NEW")) {
            assertEquals(JobState.ACTIVE, JobState.of(s), s);
        }
        for (String s : List.of("PREEMPTED", "NODE_FAIL", "TIMEOUT", "BOOT_FAIL", "DEADLINE", "CANCELLED by 1000",
                "CANCELLED+")) {
            assertEquals(JobState.LOST, JobState.of(s), s);
        }
        for (String s : List.of("COMPLETED", "FAILED", "OUT_OF_MEMORY")) {
            assertEquals(JobState.ENDED, JobState.of(s), s);
        }
        assertEquals("CANCELLED", JobState.name("CANCELLED by 0"));
    }

    @Test
    void missingCommandsAreNamedBeforeAnythingRuns(@org.junit.jupiter.api.io.TempDir Path empty) {
        SlurmException e = assertThrows(SlurmException.class, () -> new SlurmCommands(empty.toString())
                .requireCommands());
        assertEquals("--slurm needs Slurm's commands on the PATH, and sbatch is not on it (PATH=" + empty
                + "); run naslab on a machine that submits jobs (a login node)", e.getMessage());
    }
}
