package dev.naslab.core.cluster;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's address as users write it, {@code HOST:PORT} (port 5701 when left out).
 *
 * @param host host name or IP address
 * @param port TCP port
 */
public record ClusterAddress(String host, int port) {

    /** Hazelcast's usual first port. */
    public static final int DEFAULT_PORT = 5701;

    /** Parses {@code HOST[:PORT][,HOST[:PORT]...]} given to {@code option}. */
    public static List<ClusterAddress> parseList(String option, String text) {
        List<ClusterAddress> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.lastIndexOf(':');
            String host = colon < 0 ? p : p.substring(0, colon);
            int port = DEFAULT_PORT;
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(p.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65535) {
                    throw new ClusterException(option + ": '" + p + "' has no valid port; write HOST:PORT, e.g. "
                            + "10.0.0.5:5701");
                }
            }
            if (host.isEmpty()) {
                throw new ClusterException(option + ": '" + p + "' has no host; write HOST:PORT, e.g. 10.0.0.5:5701");
            }
            out.add(new ClusterAddress(host, port));
        }
        if (out.isEmpty()) {
            throw new ClusterException(option + " needs an address, HOST:PORT (e.g. 10.0.0.5:5701)");
        }
        return out;
    }

    /** The resolved address. */
    public InetAddress inet(String option) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ClusterException(option + ": unknown host '" + host + "'");
        }
    }

    /**
     * This machine's address on the route to this address (no packet is sent): the interface a
     * member should bind to when it joins here. Loopback for a loopback address.
     */
    public InetAddress localRoute(String option) {
        InetAddress target = inet(option);
        if (target.isLoopbackAddress()) {
            return target;
        }
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(target, port));
            InetAddress local = s.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                throw new ClusterException(option + ": no route from this machine to " + this
                        + "; give the address to listen on with --bind");
            }
            return local;
        } catch (IOException e) {
            throw new ClusterException(option + ": no route from this machine to " + this + " (" + e.getMessage()
                    + "); give the address to listen on with --bind");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
