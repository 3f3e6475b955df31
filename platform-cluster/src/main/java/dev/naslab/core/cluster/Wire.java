package dev.naslab.core.cluster;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** The Hazelcast factory of naslab's wire types ({@link Envelope}, {@link SignedTask}). */
final class Wire implements DataSerializableFactory {

    /** naslab's factory id ("na" in ASCII). */
    static final int FACTORY_ID = 0x6E61;
    static final int ENVELOPE = 1;
    static final int TASK = 2;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return switch (typeId) {
            case ENVELOPE -> new Envelope();
            case TASK -> new SignedTask();
            default -> null;
        };
    }
}
