/**
 * Trials across machines on an embedded Hazelcast cluster. Workers ({@link dev.naslab.core.cluster.WorkerNode})
 * are members that run trials in child JVMs from their own plugins folder; the coordinator
 * ({@link dev.naslab.core.cluster.ClusterTrialExecutor}) is a lite member that places trials on
 * members with free slots, pulls each trial's new files (checkpoints, logs, the result) into its
 * output folder, and re-runs a lost member's trials elsewhere from the newest checkpoint it has.
 * Only host records cross the wire (Java serialization of this package's records); no plugin class
 * does. Joining needs the shared cluster token ({@link dev.naslab.core.cluster.ClusterToken});
 * traffic is not encrypted.
 */
package dev.naslab.core.cluster;
