/**
 * Trials across machines on an embedded Hazelcast cluster. Workers ({@link dev.naslab.core.cluster.WorkerNode})
 * are members that run trials in child JVMs from their own plugins folder; the coordinator
 * ({@link dev.naslab.core.cluster.ClusterTrialExecutor}) is a lite member that places trials on
 * members with free slots, pulls each trial's new files (checkpoints, logs, the result) into its
 * output folder, and re-runs a lost member's trials elsewhere from the newest checkpoint it has.
 * Messages are signed {@link dev.naslab.core.cluster.Envelope}s with JSON payloads ({@link
 * dev.naslab.core.cluster.MessageAuth}, keyed by the shared cluster token); no naslab message needs
 * Java deserialization, and the member JVMs filter what Hazelcast itself deserializes
 * ({@link dev.naslab.core.cluster.JavaDeserializationFilter}). Traffic is not encrypted
 * (docs/cluster-security.md).
 */
package dev.naslab.core.cluster;
