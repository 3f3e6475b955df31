package dev.naslab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.naslab.core.cluster.AttemptEnding.Again;
import dev.naslab.core.cluster.AttemptEnding.Fail;
import dev.naslab.core.cluster.AttemptEnding.Keep;
import dev.naslab.core.cluster.Messages.Outcome;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every way an attempt ends, and what the coordinator does next. */
class AttemptEndingTest {

    private static final String LOG = "/runs/x/t/trial.log";
    private static final Outcome EXITED = new Outcome(false, false, 3, "/w/t", null);

    private static AttemptEnding.Next decide(boolean result, String lost, int attempt, Throwable error, Outcome o) {
        return AttemptEnding.decide(result, lost, attempt, error, o, "10.0.0.2:5701", LOG);
    }

    @Test
    void aWrittenResultIsKeptWhateverElseHappened() {
        assertEquals(new Keep(), decide(true, "member 10.0.0.2:5701 was lost", 5, new IOException("x"), null));
    }

    @Test
    void aLostAttemptRunsAgainUntilTheFifth() {
        assertEquals(new Again("member m was lost", 2), decide(false, "member m was lost", 1, null, null));
        assertEquals(new Again("member m was lost", 5), decide(false, "member m was lost", 4, null, null));
        assertEquals(new Fail("member m was lost, for the 5th time; see " + LOG),
                decide(false, "member m was lost", AttemptEnding.MAX_ATTEMPTS, null, null));
    }

    @Test
    void failuresNameTheMemberAndTheCause() {
        assertEquals(new Fail("on member 10.0.0.2:5701: IOException: disk full"),
                decide(false, null, 1, new RuntimeException("wrapped", new IOException("disk full")), null));
        assertEquals(new Fail("on member 10.0.0.2:5701: trial folder escapes?x"),
                decide(false, null, 1, null, new Outcome(false, false, 1, "/w/t", "trial folder escapes\nx")));
        assertEquals(new Fail("trial process exited with code 3 on member 10.0.0.2:5701; see " + LOG),
                decide(false, null, 1, null, EXITED));
    }
}
