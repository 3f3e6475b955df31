package dev.naslab.api;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean …?" by edit distance, for messages about names a user typed (keys, ids, op
 * names); the host and plugins phrase them alike.
 *
 * @since 0.2
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * {@return the candidate closest to {@code word}, if it is close enough to be a plausible typo}
     *
     * @param word what the user wrote
     * @param candidates the allowed words
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null || bestDistance > Math.max(2, word.length() / 2)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /**
     * {@return " (did you mean 'x'?)" or ""}
     *
     * @param word what the user wrote
     * @param candidates the allowed words
     */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
