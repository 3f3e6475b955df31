package dev.naslab.core.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The shared secret every member of one cluster holds: {@code --token-file FILE}, else
 * {@code $NASLAB_CLUSTER_TOKEN_FILE}, else {@code $NASLAB_CLUSTER_TOKEN}. Hazelcast's community
 * edition has no member authentication, so the cluster's name is derived from the token: a member
 * with another token asks to join a cluster of another name and is turned away. It keeps stray and
 * misconfigured members out; it is not encryption (the derived name crosses the network in clear).
 */
public final class ClusterToken {

    public static final String ENV = "NASLAB_CLUSTER_TOKEN";
    public static final String FILE_ENV = "NASLAB_CLUSTER_TOKEN_FILE";
    /** Shorter tokens are refused: they are guessable. */
    public static final int MIN_LENGTH = 12;

    private ClusterToken() {
    }

    /** The token from {@code file} or the environment, checked. */
    public static String resolve(Path file) {
        Path f = file;
        if (f == null && System.getenv(FILE_ENV) != null && !System.getenv(FILE_ENV).isBlank()) {
            f = Path.of(System.getenv(FILE_ENV));
        }
        String token;
        String source;
        if (f != null) {
            try {
                token = Files.readString(f, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ClusterException("cannot read the cluster token file " + f + ": " + e.getMessage());
            }
            source = "the token file " + f;
        } else {
            token = System.getenv(ENV);
            source = "$" + ENV;
            if (token == null || token.isBlank()) {
                throw new ClusterException("a cluster needs a shared token: set " + ENV + " (or " + FILE_ENV
                        + ", or --token-file FILE) to the same secret of at least " + MIN_LENGTH
                        + " characters on every member, e.g. the output of: openssl rand -hex 16");
            }
            token = token.strip();
        }
        if (token.length() < MIN_LENGTH) {
            throw new ClusterException(source + " holds a token of " + token.length() + " characters; use at least "
                    + MIN_LENGTH + " (e.g. the output of: openssl rand -hex 16)");
        }
        return token;
    }

    /** The Hazelcast cluster name for {@code token}. */
    public static String clusterName(String token) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("naslab-cluster\0" + token)
                    .getBytes(StandardCharsets.UTF_8));
            return "naslab-" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
