package dev.naslab.core.cluster;

import java.io.ObjectInputFilter;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java deserialization filter of every cluster member's JVM. naslab's own messages need no
 * Java deserialization ({@link Envelope}); what Hazelcast itself still reads with an
 * {@code ObjectInputStream} are exceptions sent back by a failed remote call. So only exceptions
 * of the JDK and of Hazelcast, their stack traces and the few collection classes a
 * {@code Throwable} holds are allowed, within limits on nesting depth, references, array length
 * and stream size; any other class is refused before an object of it is built, and said in a log
 * line. It is installed JVM-wide (the JDK's filter factory), so it also covers what Hazelcast's
 * protocol deserializes before it checks who sent a packet.
 */
final class JavaDeserializationFilter implements ObjectInputFilter {

    static final long MAX_DEPTH = 32;
    static final long MAX_REFERENCES = 10_000;
    static final long MAX_ARRAY = 100_000;
    static final long MAX_BYTES = 4L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(JavaDeserializationFilter.class);
    private static final JavaDeserializationFilter INSTANCE = new JavaDeserializationFilter();
    private static final Set<String> ALLOWED = Set.of(
            "java.lang.StackTraceElement", "java.lang.String", "java.lang.Number", "java.lang.Enum",
            "java.util.ArrayList", "java.util.Collections$EmptyList", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableCollection",
            "java.util.UUID");
    private static final Set<String> ALLOWED_BOXES = Set.of("java.lang.Integer", "java.lang.Long",
            "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Character", "java.lang.Double",
            "java.lang.Float");

    private static volatile boolean installed;
    private final AtomicLong refused = new AtomicLong();

    private JavaDeserializationFilter() {
    }

    /**
     * Installs the filter for this JVM (once; later calls do nothing). A filter factory set by the
     * user ({@code -Djdk.serialFilterFactory}) is kept and the JVM-wide filter used instead; a
     * JVM-wide filter set by the user ({@code -Djdk.serialFilter}) is combined with this one.
     */
    static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            ObjectInputFilter.Config.setSerialFilterFactory((current, requested) -> {
                ObjectInputFilter other = requested != null ? requested : current;
                return other == null || other == INSTANCE ? INSTANCE : ObjectInputFilter.merge(INSTANCE, other);
            });
        } catch (IllegalStateException e) {
            try {
                ObjectInputFilter.Config.setSerialFilter(INSTANCE);
            } catch (IllegalStateException e2) {
                LOG.warn("naslab: this JVM has its own Java deserialization filter and filter factory; naslab's "
                        + "allow-list is not installed: {}", e2.getMessage());
                return;
            }
        }
        installed = true;
    }

    /** The filter naslab installs. */
    static JavaDeserializationFilter instance() {
        return INSTANCE;
    }

    /** How many objects this JVM has refused. */
    long refusedCount() {
        return refused.get();
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return refuse("nested " + info.depth() + " objects deep (at most " + MAX_DEPTH + ")");
        }
        if (info.references() > MAX_REFERENCES) {
            return refuse(info.references() + " references (at most " + MAX_REFERENCES + ")");
        }
        if (info.arrayLength() > MAX_ARRAY) {
            return refuse("an array of " + info.arrayLength() + " elements (at most " + MAX_ARRAY + ")");
        }
        if (info.streamBytes() > MAX_BYTES) {
            return refuse(info.streamBytes() + " bytes (at most " + MAX_BYTES + ")");
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return Status.ALLOWED; // a limits-only check
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive() || allowed(c)) {
            return Status.ALLOWED;
        }
        return refuse("class " + c.getName() + " is not on naslab's allow-list");
    }

    private static boolean allowed(Class<?> c) {
        String n = c.getName();
        if (ALLOWED.contains(n) || ALLOWED_BOXES.contains(n)) {
            return true;
        }
        return Throwable.class.isAssignableFrom(c) && (n.startsWith("java.") || n.startsWith("com.hazelcast."));
    }

    private Status refuse(String why) {
        refused.incrementAndGet();
        LOG.warn("naslab: refused a Java-serialized object from the network: {}", why);
        return Status.REJECTED;
    }
}
