package dev.naslab.core.cli;

import dev.naslab.core.cluster.ClusterAddress;
import dev.naslab.core.cluster.ClusterToken;
import java.net.InetAddress;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a member reaches the cluster: the token and the address it listens on; shared by worker and run. */
final class ClusterAccess {

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the cluster token (default: $NASLAB_CLUSTER_TOKEN_FILE, else $NASLAB_CLUSTER_TOKEN).")
    Path tokenFile;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Cluster members: the address to listen on (default: this machine's address on the route "
                    + "to the cluster address given).")
    String bind;

    /** The token, checked. */
    String token() {
        return ClusterToken.resolve(tokenFile);
    }

    /** {@code --bind}, else this machine's address on the route to {@code target} (given to {@code option}). */
    InetAddress bindAddress(ClusterAddress target, String option) {
        return bind != null ? new ClusterAddress(bind, 1).inet("--bind") : target.localRoute(option);
    }
}
