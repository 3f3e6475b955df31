package dev.naslab.core.config;

import java.util.List;

/** An experiment that cannot run, with every problem found (not only the first). */
public final class ConfigException extends Exception {

    private final String source;
    private final List<Problem> problems;

    public ConfigException(String source, List<Problem> problems) {
        super(render(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String source, String path, String message) {
        this(source, List.of(new Problem(path, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    public String source() {
        return source;
    }

    private static String render(String source, List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        if (problems.size() == 1) {
            sb.append(source).append(": ").append(problems.get(0));
        } else {
            sb.append(source).append(" has ").append(problems.size()).append(" problems:");
            for (Problem p : problems) {
                sb.append(System.lineSeparator()).append("  - ").append(p);
            }
        }
        return sb.toString();
    }
}
