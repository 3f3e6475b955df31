package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep (2 values of search.epochs) × 2 selectors × 2 seeds + a baseline architecture, through
 * plan, run, plan again (everything reused) and report; then the report opened in a real headless
 * Chromium: no script errors, plots drawn, and a screenshot that is not blank.
 */
class SweepReportTest {

    static final String EXPERIMENT = """
            name: sweeptest
            threads: 2
            seeds: [0, 1]
            dataset: {use: fashion-mnist, path: sample, train_limit: 256, test_limit: 128}
            space: {use: nas-bench-201, channels: 4, cells_per_stage: 1}
            search: {use: darts, epochs: 1, batch_size: 64}
            sweep:
              search.epochs: [1, 2]
            selection: [magnitude, {use: perturbation, tune_epochs: 0}]
            architectures: [all_skip]
            evaluation: {use: train, epochs: 1}
            diagnostics: {hessian_every: 2}
            """;

    @Test
    void sweepWithBaselinePlansRunsAndReports(@TempDir Path work) throws Exception {
        Path file = work.resolve("sweep.yaml");
        Path out = work.resolve("runs");
        Files.writeString(file, EXPERIMENT + "output: " + out + "\n");
        Map<String, String> env = Map.of("NASLAB_CACHE", work.resolve("cache").toString());

        Cli.Result plan = Cli.run(env, "plan", file.toString());
        assertEquals(0, plan.code(), plan.all());
        assertTrue(plan.out().contains("6 trial(s) in 2 sweep variants (2 baseline evaluations)"), plan.out());
        assertTrue(plan.out().contains("epochs-2.nas-bench-201.darts.s1"), plan.out());
        assertTrue(plan.out().contains("nas-bench-201.baseline-all_skip.s0"), plan.out());
        assertTrue(plan.out().contains("0 of 6 reused"), plan.out());
        assertFalse(plan.out().contains(" ? "), "every phase has an estimate: " + plan.out());
        assertTrue(Files.isRegularFile(work.resolve("cache/calibration.json")));
        assertFalse(Files.exists(out.resolve("plan.json")), "plan trains and writes nothing");

        Cli.Result run = Cli.run(env, "run", file.toString());
        assertEquals(0, run.code(), run.all());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(csv.get(0).startsWith("trial,variant,search.epochs,seed,"), csv.get(0));
        assertEquals(1 + 4 * 2 + 2, csv.size(), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("epochs-2.nas-bench-201.darts.s1,epochs-2,2,1,")),
                String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.contains(",baseline,all_skip,train,|skip_connect~0|")),
                String.join("\n", csv));

        // diagnostics: skip counts after every epoch, the Hessian after epoch 2 (and after a 1-epoch search's last)
        List<String> metrics = Files.readAllLines(out.resolve("epochs-2.nas-bench-201.darts.s0/search/metrics.jsonl"));
        assertEquals(2, metrics.size());
        assertTrue(metrics.get(0).contains("\"skip_connect_cell\":") && !metrics.get(0).contains("hessian"), metrics.get(0));
        assertTrue(metrics.get(1).matches(".*\"hessian_eigenvalue\":[0-9.eE-]+,\"hessian_gradients\":60,.*"),
                "NB201's 30 α entries: the full Hessian from 60 gradients: " + metrics.get(1));
        assertTrue(Files.readString(out.resolve("epochs-1.nas-bench-201.darts.s1/search/metrics.jsonl"))
                .contains("hessian_eigenvalue"));

        Cli.Result again = Cli.run(env, "plan", file.toString(), "--no-calibrate");
        assertEquals(0, again.code(), again.all());
        assertTrue(again.out().contains("6 of 6 reused"), again.out());

        Cli.Result report = Cli.run("report", out.toString(), "--baseline", "epochs-1/darts/magnitude");
        assertEquals(0, report.code(), report.all());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(summary.get(0).startsWith("variant,search.epochs,run,"), summary.get(0));
        assertEquals(1 + 5, summary.size(), String.join("\n", summary));
        for (String variant : List.of("epochs-1/darts/magnitude", "epochs-1/darts/perturbation",
                "epochs-2/darts/magnitude", "epochs-2/darts/perturbation", "baseline/all_skip")) {
            assertTrue(summary.stream().anyMatch(l -> l.startsWith(variant + ",")), variant + " in " + summary);
        }
        String base = summary.stream().filter(l -> l.startsWith("epochs-1/darts/magnitude,")).findFirst().orElseThrow();
        assertTrue(base.contains(",2,") && base.contains(",0.0000,"), "baseline vs itself: n = 2, mean difference 0: "
                + base);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| baseline/all_skip | 2 |"), md);
        assertTrue(md.contains("## Is the difference real?"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| epochs-2/darts/magnitude | 2 | ")
                && (l.contains("not distinguishable with 2 seeds") || l.contains("than the baseline by")
                || l.contains("on every one of 2 seeds") || l.contains("identical on all 2 seeds"))), md);
        assertTrue(summary.get(0).endsWith(",diff_ci95_low,diff_ci95_high,paired_t_p,wilcoxon_p,seeds_needed,verdict"),
                summary.get(0));
        assertTrue(md.contains("(baseline)"), md);

        Cli.Result unknown = Cli.run("report", out.toString(), "--baseline", "epochs-1/darts/magnitud");
        assertEquals(2, unknown.code(), unknown.all());
        assertTrue(unknown.err().contains("--baseline 'epochs-1/darts/magnitud' is not a variant of these runs "
                + "(did you mean 'epochs-1/darts/magnitude'?)"), unknown.err());

        browser(out.resolve("report.html"), work);
    }

    @Test
    void reportOnAFolderWithoutARunSaysSo(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("notes.txt"), "not a run");
        Cli.Result r = Cli.run("report", work.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains(work + " holds no naslab run: no plan.json and no trial folders with trial.json"),
                r.err());
        assertFalse(r.all().contains("Exception"), r.all());
    }

    /** Opens the report in headless Chromium: loads without script errors, plots drawn, screenshot not blank. */
    private static void browser(Path html, Path work) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            assertTrue(System.getenv("CI") == null, "CI must install chromium (.ci/run does)");
            Assumptions.abort("chromium is not installed (apt-get install chromium)");
        }
        String url = html.toUri().toString();
        String dom = chromium(chromium, work, "--virtual-time-budget=5000", "--dump-dom", url);
        Matcher plots = Pattern.compile("data-plots=\"(\\d+)\"").matcher(dom);
        assertTrue(plots.find(), "the page's script ran: " + dom.substring(0, Math.min(400, dom.length())));
        assertFalse(dom.contains("data-errors="), "no script errors");
        // visible plots: test accuracy, 4 search curves, op mix, time per phase (α and cells are folded away)
        // + the Hessian's eigenvalue and the skip count (diagnostics)
        assertTrue(Integer.parseInt(plots.group(1)) >= 9, "drawn plots: " + plots.group(1));
        assertTrue(dom.contains("<h2>Collapse diagnostics</h2>"), "diagnostics section");
        assertTrue(dom.contains("<table id=\"summary\">"), "summary table");

        Path shot = work.resolve("report.png");
        chromium(chromium, work, "--window-size=1280,1600", "--screenshot=" + shot, url);
        BufferedImage img = ImageIO.read(shot.toFile());
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        long samples = (long) (img.getHeight() / 2) * (img.getWidth() / 2);
        assertTrue(colours.size() > 20, "a page with plots has many colours, got " + colours.size());
        assertTrue(ink > samples / 50, "more than 2% of the page is not white: " + ink + " of " + samples);
    }

    private static String chromium(Path chromium, Path work, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + work.resolve("chromium-profile")));
        cmd.addAll(List.of(args));
        Path stdout = work.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(work.resolve("chromium.err").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, p.exitValue(), Files.readString(work.resolve("chromium.err")));
        return Files.readString(stdout);
    }
}
