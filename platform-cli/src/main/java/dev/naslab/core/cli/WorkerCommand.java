package dev.naslab.core.cli;

import dev.naslab.core.UserException;
import dev.naslab.core.cluster.ClusterAddress;
import dev.naslab.core.cluster.WorkerNode;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code naslab worker --join HOST:PORT}: a cluster member that runs trials until Ctrl-C. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a naslab cluster as a member that runs trials (each in its own JVM, with this machine's "
                + "plugins/ and data) for coordinators started with naslab run --cluster. The first worker joins its "
                + "own address. Needs the cluster token ($NASLAB_CLUSTER_TOKEN or --token-file); traffic is not "
                + "encrypted: keep the cluster on a trusted network.")
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--join", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "A member to join (the first worker gives its own address).")
    String join;

    @Option(names = "--slots", paramLabel = "N",
            description = "Trials this member runs at once (default: its cores / the experiment's threads per trial).")
    Integer slots;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port to listen on (default: the --join port when this machine is that address, else "
                    + "5701; the next free one when taken).")
    Integer port;

    @Option(names = "--name", paramLabel = "NAME", description = "Name shown in progress and status (default: ADDRESS:PORT).")
    String name;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Scratch folder for running trials (default: a folder under the system temp folder); the "
                    + "coordinator keeps the results.")
    Path workDir;

    @Mixin
    ClusterAccess access;

    @Mixin
    PluginOptions pluginOptions;

    @Override
    public Integer call() throws Exception {
        if (slots != null && slots < 1) {
            throw new UserException("--slots must be a positive integer, got " + slots);
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new UserException("--port must be between 1 and 65535, got " + port);
        }
        String token = access.token();
        List<ClusterAddress> addresses = ClusterAddress.parseList("--join", join);
        InetAddress bindAddress = access.bindAddress(addresses.get(0), "--join");
        // a fresh folder of a random name, readable by this user only, unless the user names one
        Path dir = workDir != null ? workDir : java.nio.file.Files.createTempDirectory("naslab-worker-");
        WorkerNode node = WorkerNode.start(addresses, bindAddress, port, token, name, slots, dir.toAbsolutePath(),
                pluginOptions.roots(), pluginOptions.development, System.out);
        boolean scratchIsOurs = workDir == null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            if (scratchIsOurs) {
                WorkerNode.deleteQuietly(dir);
            }
        }, "worker-stop"));
        System.out.println("naslab worker " + node.name() + ": in the cluster of " + join + " (" + node.clusterSize()
                + " member(s)); " + node.slotsDescription() + "; scratch folder " + dir.toAbsolutePath()
                + "; Ctrl-C to leave");
        System.out.flush();
        node.awaitShutdown();
        return 0;
    }
}
