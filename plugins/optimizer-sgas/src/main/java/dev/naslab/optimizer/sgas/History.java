package dev.naslab.optimizer.sgas;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.train.Stateful;
import dev.naslab.api.train.TensorData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The last {@code size} epochs' q matrices per cell type (criterion 2), saved with checkpoints. */
final class History implements Stateful {

    private final int size;
    private final NDManager parent;
    private final Map<String, Deque<double[][]>> byCell = new LinkedHashMap<>();
    private NDManager snapshot;

    History(int size, NDManager parent) {
        this.size = size;
        this.parent = parent;
    }

    /** Oldest first. */
    List<double[][]> of(String cell) {
        return new ArrayList<>(byCell.getOrDefault(cell, new ArrayDeque<>()));
    }

    /**
     * Adds an epoch's q, rounded to float precision: checkpoints store floats, and a resumed search
     * must see exactly the history an uninterrupted one sees.
     */
    void push(String cell, double[][] q) {
        double[][] rounded = new double[q.length][];
        for (int e = 0; e < q.length; e++) {
            rounded[e] = new double[q[e].length];
            for (int j = 0; j < q[e].length; j++) {
                rounded[e][j] = (float) q[e][j];
            }
        }
        Deque<double[][]> d = byCell.computeIfAbsent(cell, k -> new ArrayDeque<>());
        d.addLast(rounded);
        while (d.size() > size) {
            d.removeFirst();
        }
    }

    @Override
    public Map<String, NDArray> stateTensors() {
        if (snapshot != null) {
            snapshot.close();
        }
        snapshot = parent.newSubManager();
        Map<String, NDArray> out = new LinkedHashMap<>();
        byCell.forEach((cell, d) -> {
            int i = 0;
            for (double[][] q : d) {
                float[] flat = new float[q.length * q[0].length];
                for (int e = 0; e < q.length; e++) {
                    for (int j = 0; j < q[e].length; j++) {
                        flat[e * q[e].length + j] = (float) q[e][j];
                    }
                }
                out.put(cell + "/" + i++, snapshot.create(flat, new Shape(q.length, q[0].length)));
            }
        });
        return out;
    }

    @Override
    public void loadState(Map<String, TensorData> tensors, Map<String, Double> scalars) {
        byCell.clear();
        Map<String, TreeMap<Integer, TensorData>> sorted = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            int slash = name.lastIndexOf('/');
            sorted.computeIfAbsent(name.substring(0, slash), k -> new TreeMap<>())
                    .put(Integer.parseInt(name.substring(slash + 1)), t);
        });
        sorted.forEach((cell, entries) -> entries.values().forEach(t -> {
            int rows = (int) t.shape()[0];
            int cols = (int) t.shape()[1];
            double[][] q = new double[rows][cols];
            for (int e = 0; e < rows; e++) {
                for (int j = 0; j < cols; j++) {
                    q[e][j] = t.values()[e * cols + j];
                }
            }
            push(cell, q);
        }));
    }
}
