package dev.naslab.core.cluster;

import dev.naslab.core.cluster.Messages.Assignment;
import dev.naslab.core.cluster.Messages.FileBatch;
import dev.naslab.core.cluster.Messages.Outcome;
import dev.naslab.core.cluster.Messages.PullRequest;
import java.io.Serializable;
import java.util.concurrent.Callable;

/** What a coordinator asks a worker to do; each runs on the worker's {@link WorkerNode}. */
final class Tasks {

    private Tasks() {
    }

    /** Run a trial to its end (hours): the answer comes when its JVM exits. */
    record RunTrial(Assignment assignment) implements Callable<Outcome>, Serializable {
        @Override
        public Outcome call() throws Exception {
            return WorkerNode.current().run(assignment);
        }
    }

    /** Send back what changed in a trial's folder. */
    record Pull(PullRequest request) implements Callable<FileBatch>, Serializable {
        @Override
        public FileBatch call() {
            return WorkerNode.current().pull(request);
        }
    }

    /** The coordinator has recorded the trial: delete the worker's copy of its folder. */
    record Release(String coordinator, String trial) implements Callable<Boolean>, Serializable {
        @Override
        public Boolean call() {
            WorkerNode.current().release(coordinator, trial);
            return true;
        }
    }
}
