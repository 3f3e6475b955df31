package dev.naslab.core.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;

/**
 * One naslab message as it crosses the wire: what it is, who sent it to whom and when, a nonce,
 * the request it answers, its payload as JSON, and the HMAC that {@link MessageAuth} computes
 * over all of these with the cluster token. It is a Hazelcast {@code IdentifiedDataSerializable}
 * of strings and bytes, so no naslab message needs Java deserialization.
 */
final class Envelope implements IdentifiedDataSerializable {

    /** What a message is; a reply's kind says what it answers with. */
    enum Kind {
        HELLO, HELLO_REPLY, RUN, OUTCOME, PULL, FILES, RELEASE, RELEASED, PROGRESS,
        /** Not signed: a worker saying why it served nothing (shown as the worker's word only). */
        REFUSED
    }

    private static final int MAX_TEXT = 1000;
    private static final int MAX_BLOBS = 100_000;
    private static final byte[][] NONE = new byte[0][];

    String kind;
    String sender;
    String target;
    long issuedAt;
    String nonce;
    String replyTo;
    byte[] payload;
    /** The raw bytes of the files a payload carries ({@link Messages.Carrier}), in its order. */
    byte[][] blobs = NONE;
    byte[] mac;

    /** For Hazelcast's factory. */
    Envelope() {
    }

    Envelope(Kind kind, String sender, String target, long issuedAt, String nonce, String replyTo, byte[] payload,
            byte[][] blobs, byte[] mac) {
        this.kind = kind.name();
        this.sender = sender;
        this.target = target;
        this.issuedAt = issuedAt;
        this.nonce = nonce;
        this.replyTo = replyTo;
        this.payload = payload;
        this.blobs = blobs;
        this.mac = mac;
    }

    @Override
    public int getFactoryId() {
        return Wire.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return Wire.ENVELOPE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(kind);
        out.writeString(sender);
        out.writeString(target);
        out.writeLong(issuedAt);
        out.writeString(nonce);
        out.writeString(replyTo);
        out.writeByteArray(payload);
        out.writeInt(blobs.length);
        for (byte[] b : blobs) {
            out.writeByteArray(b);
        }
        out.writeByteArray(mac);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        kind = bounded(in.readString());
        sender = bounded(in.readString());
        target = bounded(in.readString());
        issuedAt = in.readLong();
        nonce = bounded(in.readString());
        replyTo = bounded(in.readString());
        payload = in.readByteArray();
        int n = in.readInt();
        if (n < 0 || n > MAX_BLOBS) {
            throw new IOException("a naslab message with " + n + " attachments");
        }
        blobs = new byte[n][];
        for (int i = 0; i < n; i++) {
            blobs[i] = in.readByteArray();
        }
        mac = in.readByteArray();
    }

    private static String bounded(String s) throws IOException {
        if (s != null && s.length() > MAX_TEXT) {
            throw new IOException("a naslab message field of " + s.length() + " characters");
        }
        return s;
    }
}
