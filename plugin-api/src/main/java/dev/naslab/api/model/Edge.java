package dev.naslab.api.model;

/**
 * A directed edge of a cell's DAG, from node {@code from} to node {@code to}.
 *
 * @param from source node index
 * @param to   target node index
 */
public record Edge(int from, int to) {
}
