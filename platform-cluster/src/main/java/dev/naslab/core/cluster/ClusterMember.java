package dev.naslab.core.cluster;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts this JVM's embedded Hazelcast member the way every naslab member is configured: bound to
 * one address, TCP-IP join to the given addresses only (no multicast, no cloud auto-detection, no
 * phone-home), the cluster name derived from the token, fast failure detection, and naslab's
 * description of the member in its attributes.
 */
public final class ClusterMember {

    /** What a member does. */
    public enum Role {
        /** Runs trials. */
        WORKER,
        /** Places trials and collects their files (a lite member: it holds no cluster data). */
        COORDINATOR
    }

    static final String ROLE = "naslab.role";
    static final String NAME = "naslab.name";
    static final String VERSION = "naslab.version";
    static final String CORES = "naslab.cores";
    static final String SLOTS = "naslab.slots";
    static final String PLUGINS = "naslab.plugins";

    static final String TRIALS_EXECUTOR = "naslab-trials";
    static final String FILES_EXECUTOR = "naslab-files";
    static final String PROGRESS_TOPIC = "naslab-progress";

    /** Seconds without a heartbeat after which a member counts as lost. */
    static final int LOST_AFTER_SECONDS = 10;

    private ClusterMember() {
    }

    /** The naslab version every member of one cluster must share. */
    public static String naslabVersion() {
        String v = ClusterMember.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Starts a member. {@code port} is the first port tried; with {@code autoIncrement} the next
     * free one of the following 100 is taken.
     */
    static HazelcastInstance start(Role role, InetAddress bind, int port, boolean autoIncrement,
            List<ClusterAddress> join, String token, Map<String, String> attributes) {
        Config c = new Config();
        c.setClusterName(ClusterToken.clusterName(token));
        c.setInstanceName("naslab-" + role.name().toLowerCase() + "-" + UUID.randomUUID());
        c.setLiteMember(role == Role.COORDINATOR);
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(LOST_AFTER_SECONDS));
        c.setProperty("hazelcast.wait.seconds.before.join", "1");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.local.localAddress", bind.getHostAddress());
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(port).setPortAutoIncrement(autoIncrement).setPortCount(100);
        n.getInterfaces().setEnabled(true).addInterface(bind.getHostAddress());
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(5)
                .setMembers(join.stream().map(ClusterAddress::toString).toList());
        Map<String, String> attrs = new java.util.HashMap<>(attributes);
        attrs.put(ROLE, role.name());
        attrs.put(VERSION, naslabVersion());
        c.getMemberAttributeConfig().setAttributes(attrs);
        c.getExecutorConfig(TRIALS_EXECUTOR).setPoolSize(256);
        c.getExecutorConfig(FILES_EXECUTOR).setPoolSize(8);
        c.getJetConfig().setEnabled(false);
        // naslab's messages are IdentifiedDataSerializable (no Java deserialization); Hazelcast's own
        // filter adds its list of known gadget classes, the JVM-wide filter naslab's allow-list and limits
        c.getSerializationConfig().addDataSerializableFactory(Wire.FACTORY_ID, new Wire())
                .setJavaSerializationFilterConfig(new JavaSerializationFilterConfig().setDefaultsDisabled(false));
        JavaDeserializationFilter.install();
        try {
            return Hazelcast.newHazelcastInstance(c);
        } catch (RuntimeException e) {
            throw new ClusterException("cannot start a cluster member on " + bind.getHostAddress() + ":" + port
                    + (autoIncrement ? " (or the next 100 ports)" : "") + ": " + e.getMessage());
        }
    }

    /** Whether {@code hz} is alone although it was told to join one of {@code join} (which is not itself). */
    static boolean alone(HazelcastInstance hz, List<ClusterAddress> join) {
        if (hz.getCluster().getMembers().size() > 1) {
            return false;
        }
        Address self = hz.getCluster().getLocalMember().getAddress();
        for (ClusterAddress a : join) {
            try {
                for (InetAddress ia : InetAddress.getAllByName(a.host())) {
                    if (ia.getHostAddress().equals(self.getHost()) && a.port() == self.getPort()) {
                        return false; // we are the address everybody joins: the first member
                    }
                }
            } catch (java.net.UnknownHostException e) {
                // not us
            }
        }
        return true;
    }

    /** The name users see: {@code --name}, else the member's address. */
    static String name(Member m) {
        String n = m.getAttribute(NAME);
        return n != null && !n.isBlank() ? n : m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    static boolean isWorker(Member m) {
        return Role.WORKER.name().equals(m.getAttribute(ROLE));
    }

    static boolean isCoordinator(Member m) {
        return Role.COORDINATOR.name().equals(m.getAttribute(ROLE));
    }

    /** Trials {@code m} runs at once: its {@code --slots}, else its cores / the trials' threads. */
    static int slots(Member m, int threads) {
        String s = m.getAttribute(SLOTS);
        if (s != null && !s.isBlank()) {
            return Integer.parseInt(s);
        }
        String c = m.getAttribute(CORES);
        int cores = c == null ? 1 : Integer.parseInt(c);
        return Math.max(1, cores / Math.max(1, threads));
    }
}
