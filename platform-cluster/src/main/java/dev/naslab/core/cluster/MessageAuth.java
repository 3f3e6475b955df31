package dev.naslab.core.cluster;

import dev.naslab.core.cluster.Envelope.Kind;
import dev.naslab.core.config.Mappers;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks naslab's messages with the cluster token: HMAC-SHA256 over the kind, sender,
 * target, time, nonce, the request answered, the JSON payload and the files' bytes it carries. The key is derived from the
 * token (it never crosses the wire, and differs from the derivation behind the cluster name); a
 * message is accepted only when its HMAC matches, it is addressed to this member, its sender is
 * who the caller expects, it answers the request the caller sent, it is at most
 * {@link #WINDOW_MINUTES} minutes old (or ahead), and its nonce has not been seen before.
 */
final class MessageAuth {

    /** How far a message's time may be from this member's clock: members' clocks must agree this closely. */
    static final long WINDOW_MINUTES = 15;
    private static final long WINDOW_MILLIS = TimeUnit.MINUTES.toMillis(WINDOW_MINUTES);
    private static final int MAC_BYTES = 32;

    /** A message that must not be acted on, and why. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    private final SecretKeySpec key;
    private final String self;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs;
    private long lastPrune;

    MessageAuth(String token, String self) {
        this(token, self, System::currentTimeMillis);
    }

    MessageAuth(String token, String self, LongSupplier clock) {
        this.self = self;
        this.clock = clock;
        try {
            byte[] k = MessageDigest.getInstance("SHA-256").digest(("naslab-message-key\0" + token)
                    .getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(k, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** This member's id, the sender of what it seals. */
    String self() {
        return self;
    }

    /** A signed message of {@code kind} to {@code target} carrying {@code payload} as JSON. */
    Envelope seal(Kind kind, String target, String replyTo, Object payload) {
        byte[] json;
        try {
            json = Mappers.JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] n = new byte[16];
        random.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        long now = clock.getAsLong();
        byte[][] blobs = payload instanceof Messages.Carrier<?> c
                ? c.files().stream().map(Messages.FileBlob::bytes).toArray(byte[][]::new) : new byte[0][];
        return new Envelope(kind, self, target, now, nonce, replyTo,
                json, blobs, mac(kind.name(), self, target, now, nonce, replyTo, json, blobs));
    }

    /** An unsigned answer saying why nothing was served (the receiver treats it as the sender's word only). */
    static Envelope refusal(String sender, String target, String replyTo, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        return new Envelope(Kind.REFUSED, sender, target, System.currentTimeMillis(), "", replyTo, text, new byte[0][],
                new byte[0]);
    }

    /**
     * The payload of {@code e} if it passes every check.
     *
     * @param sender  who may have sent it (by member id)
     * @param replyTo the nonce of the request it must answer, or null for a request
     */
    <T> T open(Envelope e, Kind kind, Class<T> type, Predicate<String> sender, String replyTo) throws Refused {
        if (e == null) {
            throw new Refused("no message");
        }
        if (Kind.REFUSED.name().equals(e.kind)) {
            String why = e.payload == null ? "" : new String(e.payload, 0, Math.min(e.payload.length, 2000),
                    StandardCharsets.UTF_8);
            throw new Refused("the member refused the request (its own, unsigned word: " + ConfinedPaths.printable(why)
                    + ")");
        }
        if (e.mac == null || e.mac.length != MAC_BYTES || e.payload == null || e.kind == null || e.nonce == null
                || e.blobs == null || java.util.Arrays.stream(e.blobs).anyMatch(java.util.Objects::isNull)) {
            throw new Refused("it is not signed");
        }
        byte[] expected = mac(e.kind, e.sender, e.target, e.issuedAt, e.nonce, e.replyTo, e.payload, e.blobs);
        if (!MessageDigest.isEqual(expected, e.mac)) {
            throw new Refused("its signature does not match this cluster's token");
        }
        if (!kind.name().equals(e.kind)) {
            throw new Refused("it is a " + e.kind + " message where " + kind + " was expected");
        }
        if (!self.equals(e.target)) {
            throw new Refused("it is addressed to member " + e.target + ", not to this one");
        }
        if (e.sender == null || !sender.test(e.sender)) {
            throw new Refused("its sender " + e.sender + " may not send " + kind + " messages here");
        }
        if (replyTo != null && !replyTo.equals(e.replyTo)) {
            throw new Refused("it answers another request");
        }
        long now = clock.getAsLong();
        if (Math.abs(now - e.issuedAt) > WINDOW_MILLIS) {
            throw new Refused("it was issued at " + Instant.ofEpochMilli(e.issuedAt) + ", more than " + WINDOW_MINUTES
                    + " minutes from this member's clock (" + Instant.ofEpochMilli(now) + "): members' clocks must agree");
        }
        prune(now);
        if (seen.putIfAbsent(e.nonce, e.issuedAt) != null) {
            throw new Refused("it repeats a message already received (a replay)");
        }
        try {
            T value = Mappers.JSON.readValue(e.payload, type);
            return value instanceof Messages.Carrier<?> c ? type.cast(attach(c, e.blobs)) : value;
        } catch (IOException ex) {
            throw new Refused("its payload is not a " + type.getSimpleName() + ": " + String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static Object attach(Messages.Carrier<?> c, byte[][] blobs) throws Refused {
        List<Messages.FileBlob> files = c.files() == null ? List.of() : c.files();
        if (files.size() != blobs.length) {
            throw new Refused("it lists " + files.size() + " files but carries " + blobs.length);
        }
        List<Messages.FileBlob> full = new java.util.ArrayList<>(files.size());
        for (int i = 0; i < blobs.length; i++) {
            Messages.FileBlob f = files.get(i);
            if (f == null) {
                throw new Refused("it lists an empty file entry");
            }
            full.add(new Messages.FileBlob(f.path(), blobs[i], f.append()));
        }
        return c.withFiles(full);
    }

    private void prune(long now) {
        if (now - lastPrune < 60_000) {
            return;
        }
        lastPrune = now;
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext();) {
            if (Math.abs(now - it.next()) > WINDOW_MILLIS) {
                it.remove(); // older messages fail the time check anyway
            }
        }
    }

    private byte[] mac(String kind, String sender, String target, long issuedAt, String nonce, String replyTo,
            byte[] payload, byte[][] blobs) {
        ByteArrayOutputStream header = new ByteArrayOutputStream(256);
        try (DataOutputStream d = new DataOutputStream(header)) {
            for (String s : new String[] {kind, sender, target, nonce, replyTo}) {
                d.writeBoolean(s != null);
                d.writeUTF(s == null ? "" : s.length() > 1000 ? s.substring(0, 1000) : s);
            }
            d.writeLong(issuedAt);
            d.writeInt(payload.length);
            d.writeInt(blobs.length);
            for (byte[] b : blobs) {
                d.writeInt(b.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Mac m = macs.get();
        m.update(header.toByteArray());
        m.update(payload);
        for (byte[] b : blobs) {
            m.update(b);
        }
        return m.doFinal();
    }
}
