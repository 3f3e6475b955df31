package dev.naslab.core.slurm;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Slurm as the executor sees it, scripted: each submitted job reports the states its {@link Script} lists, one per
 * poll, and runs the script's ending (writing the files a trial would leave) when it reports the last one.
 */
class FakeSlurm extends SlurmCommands {

    /** A job's life: the states it reports in turn, and what it leaves when it ends. */
    record Script(List<String> states, Runnable atEnd) {
    }

    private final BiFunction<Path, Integer, Script> planner;
    private final Map<String, Deque<String>> states = new LinkedHashMap<>();
    private final Map<String, Runnable> endings = new LinkedHashMap<>();
    private final Map<Path, Integer> submissions = new LinkedHashMap<>();
    final List<String> cancelled = new ArrayList<>();
    private int next = 1;

    /** {@code planner}: the script of the n-th job (from 1) submitted for a trial folder. */
    FakeSlurm(BiFunction<Path, Integer, Script> planner) {
        super("");
        this.planner = planner;
    }

    /** A job submitted by an earlier run. */
    void known(String id, Script s) {
        states.put(id, new ArrayDeque<>(s.states()));
        endings.put(id, s.atEnd());
    }

    int submissions(Path trialDir) {
        return submissions.getOrDefault(trialDir, 0);
    }

    @Override
    public synchronized String submit(Path script) {
        Path dir = script.getParent();
        int n = submissions.merge(dir, 1, Integer::sum);
        String id = Integer.toString(next++);
        known(id, planner.apply(dir, n));
        return id;
    }

    @Override
    public String testOnly(Path script) {
        return "sbatch: Job 0 to start now";
    }

    @Override
    public synchronized Optional<Map<String, Job>> jobs(Collection<String> ids) {
        Map<String, Job> out = new LinkedHashMap<>();
        for (String id : ids) {
            Deque<String> d = states.get(id);
            if (d == null || d.isEmpty()) {
                continue; // forgotten
            }
            boolean last = d.size() == 1;
            String state = last ? d.peek() : d.poll();
            if (last && JobState.of(state) != JobState.ACTIVE && endings.containsKey(id)) {
                endings.remove(id).run(); // a job leaves its files before Slurm calls it ended
            }
            out.put(id, new Job(id, state, state.equals("PENDING") ? null : "n1", "None"));
        }
        return Optional.of(out);
    }

    @Override
    public synchronized void cancel(Collection<String> ids) {
        cancelled.addAll(ids);
    }
}
