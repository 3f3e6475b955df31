package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-cost proxies as a user runs them: {@code naslab inspect --arch-file --proxy} over NAS-Bench-201 cells of the
 * public table beside the checkout (read where it is), the {@code zero-cost} evaluator next to {@code train} in an
 * experiment, and the report's rank correlations; bad input.
 */
class ZeroCostRunTest {

    static Optional<Path> shared(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared/nb201-table").resolve(name);
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * 300 cells, every 52nd row of NASWOT's table: params equal the benchmark's count on every row where that is a
     * whole number (the table's other rows hold averages of an older file), and synflow ranks the cells as
     * CIFAR-10 (cifar10-valid models on the test set) does: Spearman 0.74 over all 15,625 cells here and in the
     * reference (0.737), at least 0.6 over these 300.
     */
    @Test
    void inspectScoresEveryCellOfAFileInItsOrder(@TempDir Path work) throws Exception {
        Optional<Path> table = shared("arch_score_acc.csv");
        Assumptions.assumeTrue(table.isPresent(), "../shared/nb201-table/arch_score_acc.csv is not beside this checkout");
        List<String> rows = Files.readAllLines(table.get());
        List<String> cells = new ArrayList<>();
        List<Double> params = new ArrayList<>();
        List<Double> accuracy = new ArrayList<>();
        for (int i = 1; i < rows.size() && cells.size() < 300; i += 52) {
            String[] f = rows.get(i).split(",", -1); // index, arch_str, params_M, naswot_score, cifar10_test, valid, valid_test
            cells.add(f[1]);
            params.add(Double.parseDouble(f[2]) * 1e6);
            accuracy.add(Double.parseDouble(f[6]));
        }
        Path file = work.resolve("cells.txt");
        Files.write(file, cells);
        Cli.Result r = Cli.run("inspect", "nas-bench-201", "--arch-file", file.toString(), "--proxy", "params",
                "--proxy", "synflow");
        assertEquals(0, r.code(), r.all());
        List<String> lines = r.out().lines().toList();
        assertEquals(cells.size(), lines.size(), r.out());
        double[] synflow = new double[cells.size()];
        double[] acc = new double[cells.size()];
        int exact = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t");
            assertEquals(3, f.length, lines.get(i));
            assertEquals(cells.get(i), f[0]);
            assertTrue(f[1].startsWith("params=") && f[2].startsWith("synflow="), lines.get(i));
            long p = Long.parseLong(f[1].substring("params=".length()));
            if (Math.abs(params.get(i) - Math.rint(params.get(i))) < 1e-3) {
                assertEquals(Math.round(params.get(i)), p, f[0]);
                exact++;
            }
            synflow[i] = Double.parseDouble(f[2].substring("synflow=".length()));
            acc[i] = accuracy.get(i);
        }
        assertTrue(exact > 280, exact + " rows with a whole parameter count");
        double rho = new SpearmansCorrelation().correlation(synflow, acc);
        assertTrue(rho > 0.6, "synflow's Spearman over 300 cells: " + rho);
    }

    /** Two proxies of an outside plugin, built against plugin-api alone: one any engine runs, one only MXNet. */
    static final String OUTSIDE_PROXIES = """
            package org.example.proxies;

            import dev.naslab.api.ZeroCostProxy;
            import dev.naslab.api.data.Batch;
            import dev.naslab.api.model.Network;
            import java.util.Optional;
            import org.pf4j.Extension;

            /** Proxies written outside naslab. */
            public final class OutsideProxies {
                private OutsideProxies() { }

                /** Trainable weights, as naslab's params counts them. */
                @Extension
                public static final class Weights implements ZeroCostProxy<ZeroCostProxy.NoSettings> {
                    public String id() { return "outside_params"; }
                    public Class<NoSettings> settingsClass() { return NoSettings.class; }
                    public boolean needsData() { return false; }
                    public double score(Network n, Batch b, NoSettings s) {
                        return n.params().count() - n.trainingOnlyParameters();
                    }
                }

                /** Declares that PyTorch cannot compute it. */
                @Extension
                public static final class MxnetOnly implements ZeroCostProxy<ZeroCostProxy.NoSettings> {
                    public String id() { return "mxnet_only"; }
                    public Class<NoSettings> settingsClass() { return NoSettings.class; }
                    public boolean needsData() { return false; }
                    public Optional<String> unsupported(String engine) {
                        return "PyTorch".equals(engine) ? Optional.of("mxnet_only reads MXNet's own buffers") : Optional.empty();
                    }
                    public double score(Network n, Batch b, NoSettings s) { return 1; }
                }
            }
            """;

    /**
     * A proxy from a plugin dropped in next to the shipped ones scores from the command line like a bundled one; a
     * proxy that declares the engine cannot compute it is refused naming the engine's reason, before any network is
     * built.
     */
    @Test
    void anOutsideProxyScoresAndOneTheEngineCannotRunIsRefused(@TempDir Path work) throws Exception {
        Path plugins = DropInPluginTest.withShippedPlugins(work.resolve("plugins"));
        Files.copy(DropInPluginTest.buildPlugin(work, "outside-proxies", "0.3.0", OUTSIDE_PROXIES),
                plugins.resolve("outside-proxies-1.0.0.jar"));
        Path file = work.resolve("cells.txt");
        Files.write(file, List.of("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|"
                + "nor_conv_3x3~2|"));
        Cli.Result ok = Cli.run("inspect", "nas-bench-201", "--arch-file", file.toString(), "--proxy", "params",
                "--proxy", "outside_params", "--plugins", plugins.toString());
        assertEquals(0, ok.code(), ok.all());
        assertTrue(ok.out().contains("\tparams=1288506\toutside_params=1288506"), ok.out());

        Cli.Result refused = Cli.run("inspect", "nas-bench-201", "--arch-file", file.toString(), "--proxy",
                "mxnet_only", "--plugins", plugins.toString());
        assertEquals(2, refused.code(), refused.all());
        assertTrue(refused.err().contains("--proxy mxnet_only: mxnet_only reads MXNet's own buffers"), refused.err());
        assertFalse(refused.all().contains("\tat "), "no stack trace: " + refused.all());
        Cli.Result mxnet = Cli.run("inspect", "nas-bench-201", "--arch-file", file.toString(), "--proxy",
                "mxnet_only", "--engine", "mxnet", "--plugins", plugins.toString());
        assertEquals(0, mxnet.code(), mxnet.all());
        assertTrue(mxnet.out().contains("\tmxnet_only=1"), mxnet.out());
    }

    @Test
    void badInputIsNamed(@TempDir Path work) throws Exception {
        Path file = work.resolve("cells.txt");
        Files.write(file, List.of("# two cells", "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|"
                + "skip_connect~1|skip_connect~2|", "|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
        Cli.Result unknown = Cli.run("inspect", "nas-bench-201", "--arch-file", file.toString(), "--proxy", "synflw");
        assertEquals(2, unknown.code(), unknown.all());
        assertTrue(unknown.err().contains("--proxy: unknown zero-cost proxy 'synflw' (did you mean 'synflow'?); installed: "),
                unknown.err());
        Cli.Result line = Cli.run("inspect", "nas-bench-201", "--arch-file", file.toString(), "--proxy", "params");
        assertEquals(2, line.code(), line.all());
        assertTrue(line.err().contains(file + ":3: not an architecture of this space: "), line.err());
        Cli.Result batch = Cli.run("inspect", "nas-bench-201", "--arch-file", file.toString(), "--proxy", "nwot",
                "--batch", "1");
        assertTrue(batch.err().contains("--batch must be at least 2"), batch.err());
        for (Cli.Result x : List.of(unknown, line, batch)) {
            assertFalse(x.all().contains("\tat "), "no stack trace: " + x.all());
        }
    }

    /** The evaluator's proxies are columns of results.csv, and the report correlates them with train's accuracy. */
    @Test
    void theEvaluatorsProxiesAreColumnsAndTheReportRanksThem(@TempDir Path work) throws Exception {
        Path config = work.resolve("zc.yaml");
        Files.writeString(config, String.join("\n",
                "name: zc",
                "threads: 1",
                "seeds: [0, 1, 2]",
                "dataset: {use: fashion-mnist, path: sample, train_limit: 256, test_limit: 128}",
                "space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}",
                "search: {use: darts, epochs: 1, batch_size: 64}",
                "selection: [magnitude]",
                "evaluation: [{use: zero-cost, proxies: [synflow, nwot, params]}, {use: train, epochs: 1, batch_size: 64}]",
                ""));
        Path out = work.resolve("runs");
        Cli.Result r = Cli.run("run", config.toString(), "--set", "output=" + out);
        assertEquals(0, r.code(), r.all());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        List<String> head = List.of(csv.get(0).split(","));
        for (String c : List.of("synflow", "synflow_seconds", "nwot", "nwot_seconds", "params", "params_seconds")) {
            assertTrue(head.contains(c), c + " in " + head);
        }
        assertEquals(7, csv.size(), "a zero-cost and a train row per seed");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Zero-cost proxies against trained accuracy"), md);
        assertTrue(md.matches("(?s).*\\| synflow \\| train \\| 3 \\| [+-][01]\\.\\d{3} \\| [+-][01]\\.\\d{3} \\| \\d+\\.\\d{3} \\|.*"),
                md);
        assertTrue(Files.readString(out.resolve("report.html")).contains("Zero-cost proxies against trained accuracy"));
    }

    @Test
    void anUnknownProxyInAnExperimentIsAConfigError(@TempDir Path work) throws Exception {
        Path config = work.resolve("bad.yaml");
        Files.writeString(config, String.join("\n",
                "name: zc-bad",
                "dataset: {use: fashion-mnist, path: sample}",
                "space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}",
                "search: {use: darts, epochs: 1}",
                "selection: [magnitude]",
                "evaluation: [{use: zero-cost, proxies: [params, nwto]}]",
                ""));
        Cli.Result r = Cli.run("validate", config.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("evaluation[0].proxies[1]") && r.err().contains("'nwto' is not a zero-cost proxy "
                + "(did you mean 'nwot'?)"), r.err());
    }

    private static Path zeroCostPt(Path work, String name, String selection) throws Exception {
        Path config = work.resolve(name + ".yaml");
        Files.writeString(config, String.join("\n",
                "name: " + name,
                "threads: 1",
                "seeds: [0]",
                "dataset: {use: fashion-mnist, path: sample, train_limit: 512, test_limit: 128}",
                "space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}",
                "search: {use: none}",
                "selection: [" + selection + "]",
                "evaluation: [{use: zero-cost, proxies: [params]}]",
                ""));
        return config;
    }

    /**
     * Zero-Cost-PT on a supernet that is never trained (optimizer none): every decision, candidate and validation in
     * decisions.jsonl; killed after some rounds, the next run resumes to the same log and the same cell.
     */
    @Test
    void zeroCostPtResumesToTheSameSelection(@TempDir Path work) throws Exception {
        Path config = zeroCostPt(work, "zcpt", "{use: zero-cost-pt, pool_size: 8, validate_batches: 2}");
        Cli.Result plan = Cli.run(Map.of("NASLAB_CACHE", work.resolve("cache").toString()), "plan", config.toString());
        assertEquals(0, plan.code(), plan.all());
        assertFalse(plan.out().contains(" ? ") || plan.out().contains("does not describe its work"),
                "zero-cost-pt's single batches have an estimate: " + plan.out());
        Path whole = work.resolve("whole");
        Cli.Result r = Cli.run("run", config.toString(), "--set", "output=" + whole);
        assertEquals(0, r.code(), r.all());
        Path log = whole.resolve("nas-bench-201.none.s0/select-zero-cost-pt/decisions.jsonl");
        List<String> lines = Files.readAllLines(log);
        assertEquals(6 * 8, lines.stream().filter(l -> l.contains("\"kind\":\"op\"")).count(), "6 edges, 8 rounds");
        assertEquals(8, lines.stream().filter(l -> l.contains("\"kind\":\"candidate\"")).count());
        long distinct = lines.stream().filter(l -> l.contains("\"kind\":\"validation\"")).count();
        assertTrue(distinct >= 1 && distinct <= 8, lines.toString());
        assertTrue(lines.get(lines.size() - 1).contains("\"kind\":\"choice\""), lines.get(lines.size() - 1));

        Path killed = work.resolve("killed");
        Path killedLog = killed.resolve("nas-bench-201.none.s0/select-zero-cost-pt/decisions.jsonl");
        Process p = Cli.start(work.resolve("first.out"), "run", config.toString(), "--set", "output=" + killed);
        try {
            SurvivalTest.waitFor(() -> Files.exists(killedLog) && Files.readAllLines(killedLog).stream()
                    .filter(l -> l.contains("\"kind\":\"candidate\"")).count() >= 3, 120, "three rounds");
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        } finally {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertFalse(Files.readAllLines(killedLog).stream().anyMatch(l -> l.contains("\"kind\":\"choice\"")),
                "killed before the end");
        Cli.Result again = Cli.run("run", config.toString(), "--set", "output=" + killed);
        assertEquals(0, again.code(), again.all());
        assertEquals(lines, Files.readAllLines(killedLog));
        assertEquals(Files.readString(whole.resolve("nas-bench-201.none.s0/select-zero-cost-pt/architecture.json"))
                .replaceAll("\"select_seconds\" : [0-9.E-]+", ""), Files.readString(killed.resolve(
                "nas-bench-201.none.s0/select-zero-cost-pt/architecture.json")).replaceAll("\"select_seconds\" : [0-9.E-]+", ""));
    }

    @Test
    void aPoolOfNoCandidatesIsAConfigError(@TempDir Path work) throws Exception {
        Cli.Result r = Cli.run("validate", zeroCostPt(work, "zcpt-bad", "{use: zero-cost-pt, pool_size: 0}").toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("pool_size") && r.err().contains("must be at least 1 (candidates to propose), got 0"),
                r.err());
        Cli.Result proxy = Cli.run("validate", zeroCostPt(work, "zcpt-proxy", "{use: zero-cost-pt, proxy: grasp}").toString());
        assertEquals(2, proxy.code(), proxy.all());
        assertTrue(proxy.err().contains("grasp is not available: it needs a Hessian-gradient product"), proxy.err());
    }
}
