package dev.naslab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.naslab.core.cluster.Envelope.Kind;
import dev.naslab.core.cluster.Messages.Release;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageAuthTest {

    private static final String TOKEN = "the-cluster-token-0123";
    private static final String COORD = "00000000-0000-0000-0000-00000000000c";
    private static final String WORKER = "00000000-0000-0000-0000-00000000000a";

    private final MessageAuth coordinator = new MessageAuth(TOKEN, COORD);
    private final MessageAuth worker = new MessageAuth(TOKEN, WORKER);

    private static String refusal(MessageAuth to, Envelope e, String replyTo) {
        return assertThrows(MessageAuth.Refused.class,
                () -> to.open(e, Kind.RELEASE, Release.class, COORD::equals, replyTo)).getMessage();
    }

    @Test
    void aMessageSignedWithTheTokenIsOpenedOnce() throws Exception {
        Envelope e = coordinator.seal(Kind.RELEASE, WORKER, null, new Release("t1"));
        assertEquals(new Release("t1"), worker.open(e, Kind.RELEASE, Release.class, COORD::equals, null));
        assertTrue(refusal(worker, e, null).contains("replay"), "the same message a second time is a replay");
    }

    @Test
    void aMessageSignedWithAnotherTokenOrChangedOnTheWayIsRefused() {
        Envelope forged = new MessageAuth("a-guessed-token-9876", COORD).seal(Kind.RELEASE, WORKER, null,
                new Release("t1"));
        assertTrue(refusal(worker, forged, null).contains("signature does not match"));

        Envelope changed = coordinator.seal(Kind.RELEASE, WORKER, null, new Release("t1"));
        changed.payload = "{\"trial\":\"../../home\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(refusal(worker, changed, null).contains("signature does not match"));

        Envelope resent = coordinator.seal(Kind.RELEASE, WORKER, null, new Release("t1"));
        resent.sender = "00000000-0000-0000-0000-0000000000ff";
        assertTrue(refusal(worker, resent, null).contains("signature does not match"), "the sender is signed too");

        Envelope unsigned = coordinator.seal(Kind.RELEASE, WORKER, null, new Release("t1"));
        unsigned.mac = new byte[0];
        assertTrue(refusal(worker, unsigned, null).contains("not signed"));
    }

    @Test
    void aSignedMessageIsRefusedWhereItDoesNotBelong() {
        MessageAuth other = new MessageAuth(TOKEN, "00000000-0000-0000-0000-0000000000bb");
        assertTrue(refusal(other, coordinator.seal(Kind.RELEASE, WORKER, null, new Release("t1")), null)
                .contains("addressed to member " + WORKER));
        Envelope fromAWorker = other.seal(Kind.RELEASE, WORKER, null, new Release("t1"));
        assertTrue(refusal(worker, fromAWorker, null).contains("may not send RELEASE"));
        Envelope wrongKind = coordinator.seal(Kind.PULL, WORKER, null, new Release("t1"));
        assertTrue(refusal(worker, wrongKind, null).contains("where RELEASE was expected"));
        Envelope answer = coordinator.seal(Kind.RELEASE, WORKER, "nonce-of-another-request", new Release("t1"));
        assertTrue(refusal(worker, answer, "nonce-of-my-request").contains("answers another request"));
    }

    @Test
    void aMessageFromOutsideTheTimeWindowIsRefused() {
        AtomicLong now = new AtomicLong(1_000_000_000_000L);
        MessageAuth late = new MessageAuth(TOKEN, WORKER, now::get);
        Envelope e = new MessageAuth(TOKEN, COORD, () -> now.get() - TimeUnit.MINUTES.toMillis(16))
                .seal(Kind.RELEASE, WORKER, null, new Release("t1"));
        assertTrue(refusal(late, e, null).contains("members' clocks must agree"));
    }

    @Test
    void aRefusalIsReadAsTheSendersWordOnly() {
        Envelope no = MessageAuth.refusal(WORKER, COORD, "n", "not a naslab worker");
        String why = assertThrows(MessageAuth.Refused.class,
                () -> coordinator.open(no, Kind.OUTCOME, Messages.Outcome.class, WORKER::equals, "n")).getMessage();
        assertTrue(why.contains("unsigned word: not a naslab worker"), why);
    }

    @Test
    void filesTravelRawAndSignedWithTheRest() throws Exception {
        Messages.FileBatch batch = new Messages.FileBatch(java.util.List.of(
                new Messages.FileBlob("search/checkpoint-0001/tensors.bin", new byte[] {1, 2, 3}, false),
                new Messages.FileBlob("trial.log", "line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), true)));
        Envelope e = worker.seal(Kind.FILES, COORD, "n", batch);
        org.junit.jupiter.api.Assertions.assertFalse(new String(e.payload, java.nio.charset.StandardCharsets.UTF_8)
                .contains("bytes"), "the JSON holds no bytes");
        Messages.FileBatch back = coordinator.open(e, Kind.FILES, Messages.FileBatch.class, WORKER::equals, "n");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {1, 2, 3}, back.files().get(0).bytes());
        assertEquals("line\n", new String(back.files().get(1).bytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(back.files().get(1).append());

        Envelope changed = worker.seal(Kind.FILES, COORD, "m", batch);
        changed.blobs[0] = new byte[] {6, 6, 6};
        assertTrue(assertThrows(MessageAuth.Refused.class, () -> coordinator.open(changed, Kind.FILES,
                Messages.FileBatch.class, WORKER::equals, "m")).getMessage().contains("signature does not match"));
    }
}
