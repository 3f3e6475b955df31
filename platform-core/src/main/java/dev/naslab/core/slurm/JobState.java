package dev.naslab.core.slurm;

import java.util.Set;

/**
 * What a Slurm job state means for its trial. The states are Slurm's own names ({@code squeue -o %T},
 * {@code sacct -o State}; {@code CANCELLED by 1000} is read as {@code CANCELLED}).
 */
public enum JobState {
    /** Queued, running or held: keep watching. */
    ACTIVE,
    /** Ended for a reason outside the trial's code: run again from the newest checkpoint. */
    LOST,
    /** Ended on its own: the trial's result file says how. */
    ENDED;

    private static final Set<String> ACTIVE_STATES = Set.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING",
            "SUSPENDED", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED",
            "RESV_DEL_HOLD", "SPECIAL_EXIT", "POWER_UP_NODE", "UPDATE_DB");
    private static final Set<String> LOST_STATES = Set.of("NODE_FAIL", "PREEMPTED", "TIMEOUT", "BOOT_FAIL", "DEADLINE",
            "CANCELLED", "REVOKED");

    /** The meaning of {@code slurmState}; a state this list does not know is treated as active (and shown as is). */
    public static JobState of(String slurmState) {
        String s = name(slurmState);
        if (LOST_STATES.contains(s)) {
            return LOST;
        }
        if (ACTIVE_STATES.contains(s)) {
            return ACTIVE;
        }
        return s.equals("COMPLETED") || s.equals("FAILED") || s.equals("OUT_OF_MEMORY") ? ENDED : ACTIVE;
    }

    /** {@code "CANCELLED by 0"} → {@code CANCELLED}; {@code "PREEMPTED+"} → {@code PREEMPTED}. */
    public static String name(String slurmState) {
        String s = slurmState == null ? "" : slurmState.strip();
        int cut = s.indexOf(' ');
        s = cut < 0 ? s : s.substring(0, cut);
        return s.endsWith("+") ? s.substring(0, s.length() - 1) : s;
    }
}
