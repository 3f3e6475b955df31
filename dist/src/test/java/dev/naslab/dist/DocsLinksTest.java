package dev.naslab.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README, the CHANGELOG and every page under docs/ and examples/: relative links resolve, the README stays short. */
class DocsLinksTest {

    /** Markdown links and images, {@code [text](target)}; the target up to a space, a quote or the parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s\"]+)");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            String text = Files.readString(page).replaceAll("(?s)```.*?```", "");   // code blocks are not links
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*") || target.startsWith("#")) {
                    continue;   // http(s), mailto; anchors within the page
                }
                String file = target.replaceFirst("#.*$", "");
                checked++;
                if (!Files.exists(page.getParent().resolve(file).normalize())) {
                    broken.add(Cli.ROOT.relativize(page) + ": " + target);
                }
            }
        }
        assertTrue(checked > 40, "links found: " + checked);
        assertTrue(broken.isEmpty(), "links that resolve to nothing: " + broken);
    }

    @Test
    void readmeIsALandingPage() throws IOException {
        long lines = Files.readAllLines(Cli.ROOT.resolve("README.md")).size();
        assertTrue(lines <= 150, "README.md has " + lines + " lines; user guides belong in docs/");
        String readme = Files.readString(Cli.ROOT.resolve("README.md"));
        assertTrue(readme.contains("./naslab run configs/quickstart.yaml\nmvn -B verify\n"), "the two quick-start commands");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Cli.ROOT.resolve("README.md"), Cli.ROOT.resolve("CHANGELOG.md")));
        for (String dir : List.of("docs", "examples")) {
            try (Stream<Path> s = Files.walk(Cli.ROOT.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }
}
