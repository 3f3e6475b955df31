package dev.naslab.core.cluster;

import com.hazelcast.cluster.Member;
import dev.naslab.core.cluster.Envelope.Kind;
import dev.naslab.core.cluster.Messages.Hello;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which workers may get this experiment's trials. A worker first proves that it holds the cluster
 * token (it answers a signed greeting); then it must run the coordinator's naslab version and have
 * every plugin the experiment needs. A worker that fails a check gets no trial of this run, and the
 * user reads why.
 */
final class MemberAdmission {

    /** Greetings a worker may decline while it is still starting; past this it gets no trial. */
    static final int GREETINGS = 30;

    private final MessageAuth auth;
    private final Map<String, PluginStamp> needed;
    private final int threads;
    private final PrintStream out;
    /** Workers by whether they proved they hold the token: absent = not asked yet, null value = asked. */
    private final Map<UUID, Boolean> verified = new HashMap<>();
    private final Map<UUID, Integer> declined = new HashMap<>();
    private final Map<UUID, String> refusals = new HashMap<>();

    MemberAdmission(MessageAuth auth, Map<String, PluginStamp> needed, int threads, PrintStream out) {
        this.auth = auth;
        this.needed = needed;
        this.threads = threads;
        this.out = out;
    }

    /** The greeting to send to {@code m}, unless it has been asked already. */
    Optional<Envelope> greeting(Member m) {
        if (verified.containsKey(m.getUuid())) {
            return Optional.empty();
        }
        verified.put(m.getUuid(), null);
        return Optional.of(auth.seal(Kind.HELLO, m.getUuid().toString(), null, new Hello(ClusterMember.naslabVersion())));
    }

    /** Whether a greeting to one of {@code workers} is still unanswered. */
    boolean awaitingAnswer(List<Member> workers) {
        return workers.stream().anyMatch(m -> verified.containsKey(m.getUuid()) && verified.get(m.getUuid()) == null);
    }

    /**
     * The answer to the greeting {@code nonce}: a worker still starting declines (it is greeted
     * again, up to {@link #GREETINGS} times); otherwise the reply must be signed with the token.
     */
    void answered(Member m, String nonce, Envelope reply, Throwable error) {
        UUID id = m.getUuid();
        if (error != null) {
            distrust(m, "did not answer the greeting (" + AttemptEnding.rootMessage(error) + ")");
            return;
        }
        if (reply != null && Kind.REFUSED.name().equals(reply.kind) && declined.merge(id, 1, Integer::sum) <= GREETINGS) {
            verified.remove(id);
            return;
        }
        try {
            auth.open(reply, Kind.HELLO_REPLY, Hello.class, u -> u.equals(id.toString()), nonce);
            verified.put(id, true);
            String r = refusal(m);
            out.println("naslab: cluster: member " + ClusterMember.name(m) + (r == null
                    ? ": " + ClusterMember.slots(m, threads) + " slot(s) of " + threads + " thread(s)"
                    : " gets no trial: it " + r));
        } catch (MessageAuth.Refused r) {
            distrust(m, "failed the token check: " + r.getMessage());
        }
    }

    /** Whether {@code m} has not yet proved it holds the token, and has not been refused either. */
    boolean unproven(Member m) {
        return !Boolean.TRUE.equals(verified.get(m.getUuid())) && !refusals.containsKey(m.getUuid());
    }

    /** Why a member that proved it holds the token gets no trial of this experiment, or null. */
    String refusal(Member m) {
        return refusals.computeIfAbsent(m.getUuid(), u -> {
            String version = m.getAttribute(ClusterMember.VERSION);
            if (!ClusterMember.naslabVersion().equals(version)) {
                return "runs naslab " + version + ", this coordinator " + ClusterMember.naslabVersion();
            }
            List<String> lacks = PluginInventory.lacking(needed,
                    PluginInventory.decode(m.getAttribute(ClusterMember.PLUGINS)));
            return lacks.isEmpty() ? null : "lacks " + String.join(", ", lacks);
        });
    }

    /** Whether {@code m} was already told it gets no more trials for failing a check. */
    boolean distrusted(Member m) {
        return Boolean.FALSE.equals(verified.get(m.getUuid()));
    }

    /** {@code m} gets no more trials of this run, and the user reads why. */
    void distrust(Member m, String why) {
        verified.put(m.getUuid(), false);
        refusals.put(m.getUuid(), why);
        out.println("naslab: cluster: member " + ClusterMember.name(m) + " gets no trial: it " + why);
    }

    /** {@code m} left the cluster: if it joins again it is greeted afresh. */
    void forget(Member m) {
        verified.remove(m.getUuid());
        declined.remove(m.getUuid());
        refusals.remove(m.getUuid());
    }
}
