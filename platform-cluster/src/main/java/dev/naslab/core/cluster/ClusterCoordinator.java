package dev.naslab.core.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's membership: a lite member (it runs no trial and holds no data) that joins the
 * cluster at the given address, bound to this machine's address on the route there.
 */
public final class ClusterCoordinator implements AutoCloseable {

    private final HazelcastInstance hz;
    private final String address;
    private final MessageAuth auth;

    private ClusterCoordinator(HazelcastInstance hz, String address, String token) {
        this.hz = hz;
        this.address = address;
        this.auth = new MessageAuth(token, hz.getCluster().getLocalMember().getUuid().toString());
    }

    /**
     * Joins the cluster at {@code join} (a {@code --cluster} value) with {@code token}, listening
     * on {@code bind}; fails when no member there lets it in.
     */
    public static ClusterCoordinator join(String option, String join, InetAddress bind, String token) {
        List<ClusterAddress> addresses = ClusterAddress.parseList(option, join);
        HazelcastInstance hz = ClusterMember.start(ClusterMember.Role.COORDINATOR, bind, ClusterAddress.DEFAULT_PORT, true,
                addresses, token, Map.of());
        if (hz.getCluster().getMembers().size() < 2) {
            hz.shutdown();
            throw new ClusterException("no naslab worker at " + join + " let this coordinator join: start one there "
                    + "with 'naslab worker --join " + join + "', with the same cluster token ("
                    + ClusterToken.ENV + ")");
        }
        return new ClusterCoordinator(hz, join, token);
    }

    HazelcastInstance instance() {
        return hz;
    }

    /** Signs this coordinator's requests and checks the workers' replies. */
    MessageAuth auth() {
        return auth;
    }

    /** The address it joined, as given. */
    public String address() {
        return address;
    }

    /** Its own member address. */
    public String self() {
        return ClusterMember.name(hz.getCluster().getLocalMember());
    }

    @Override
    public void close() {
        hz.shutdown();
    }
}
