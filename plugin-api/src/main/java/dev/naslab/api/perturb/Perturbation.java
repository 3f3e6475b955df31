package dev.naslab.api.perturb;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.naslab.api.data.Batch;
import dev.naslab.api.model.ArchState;
import dev.naslab.api.model.CellType;
import dev.naslab.api.model.MixingWeights;
import dev.naslab.api.model.Supernet;
import dev.naslab.api.train.PassResult;
import dev.naslab.api.train.Passes;
import dev.naslab.api.base.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SDARTS's perturbed mixing weights for the weight step (spaces-and-optimizers.md §D): the weights
 * p = softmax(α) with decisions applied, perturbed within an L∞ ball of radius ε and projected by
 * {@link Simplex}, then used directly (no second softmax). α itself never sees the perturbation.
 * Decided rows (fixed or removed edges) are not perturbed.
 *
 * @since 0.2
 */
public final class Perturbation {

    /** Kinds of perturbation. */
    public enum Kind {
        /** No perturbation (plain DARTS weight step). */
        NONE,
        /** SDARTS-RS: δ ~ U[−ε, ε] per entry, one draw per step. */
        RANDOM,
        /** SDARTS-ADV: PGD-L∞ on the training batch. */
        ADVERSARIAL
    }

    private Perturbation() {
    }

    /**
     * {@return the reference's ε ramp {@code 0.03 + (max − 0.03)·epoch/epochs} (epoch 0-based; never reaches max)}
     *
     * @param max the final ε
     * @param epoch the epoch, 0-based
     * @param epochs the search's epochs
     */
    public static double epsilon(double max, int epoch, int epochs) {
        return 0.03 + (max - 0.03) * epoch / epochs;
    }

    /**
     * {@return the projected weights of every cell type (host copies)}
     *
     * @param arch the architecture state (α, decisions, masks)
     */
    public static Map<String, float[][]> clean(ArchState arch) {
        Map<String, float[][]> p = new LinkedHashMap<>();
        for (CellType c : arch.cellTypes()) {
            p.put(c.name(), arch.probabilities(c.name()));
        }
        return p;
    }

    /**
     * {@return SDARTS-RS: Π(p + δ), δ ~ U[−ε, ε] drawn from {@code rng}, on undecided rows}
     *
     * @param arch the architecture state (α, decisions, masks)
     * @param eps Adam's ε
     * @param rng the seeded generator to draw from
     */
    public static Map<String, float[][]> random(ArchState arch, double eps, Rng rng) {
        Map<String, float[][]> p = clean(arch);
        p.forEach((cell, rows) -> {
            for (int e = 0; e < rows.length; e++) {
                if (arch.decision(cell, e) == ArchState.UNDECIDED) {
                    for (int k = 0; k < rows[e].length; k++) {
                        rows[e][k] += (float) ((rng.nextDouble() * 2 - 1) * eps);
                    }
                    Simplex.project(rows[e]);
                }
            }
        });
        return p;
    }

    /**
     * SDARTS-ADV: projected gradient ascent of the training loss in the L∞ ball of radius ε around
     * p0 = the clean weights, from a random start, {@code steps} sign steps of 2ε/steps, each
     * followed by clipping into the ball and Π; BatchNorm on running statistics throughout (as the
     * reference, which attacks in eval mode). The attack is rejected, and p0 returned, when it did
     * not raise the loss. Weights and α are not differentiated.
     *
     * @return the weights to train with and whether the attack was kept
     * @param net the supernet
     * @param train a training batch
     * @param eps Adam's ε
     * @param steps PGD steps
     * @param rng the seeded generator to draw from
     */
    public static Attack adversarial(Supernet net, Batch train, double eps, int steps, Rng rng) {
        ArchState arch = net.arch();
        Map<String, float[][]> p0 = clean(arch);
        net.params().setTrainable(false);
        arch.setTrainable(false);
        try {
            double before = Passes.evaluate(x -> net.forward(x, weights(arch, p0, x.getManager(), false), false), train)
                    .loss();
            Map<String, float[][]> p = random(arch, eps, rng);
            float step = (float) (2 * eps / steps);
            for (int s = 0; s < steps; s++) {
                Map<String, float[][]> g = gradient(net, p, train);
                p.forEach((cell, rows) -> {
                    float[][] base = p0.get(cell);
                    float[][] grad = g.get(cell);
                    for (int e = 0; e < rows.length; e++) {
                        if (arch.decision(cell, e) != ArchState.UNDECIDED) {
                            continue;
                        }
                        for (int k = 0; k < rows[e].length; k++) {
                            float moved = rows[e][k] + step * Math.signum(grad[e][k]);
                            float delta = Math.max((float) -eps, Math.min((float) eps, moved - base[e][k]));
                            rows[e][k] = base[e][k] + delta;
                        }
                        Simplex.project(rows[e]);
                    }
                });
            }
            double after = Passes.evaluate(x -> net.forward(x, weights(arch, p, x.getManager(), false), false), train)
                    .loss();
            return before > after ? new Attack(p0, false, before, after) : new Attack(p, true, before, after);
        } finally {
            net.params().setTrainable(true);
            arch.setTrainable(true);
        }
    }

    /**
     * The outcome of an attack.
     *
     * @param weights    the weights to train with
     * @param kept       whether the attack raised the loss (else {@code weights} are the clean ones)
     * @param lossBefore training loss at the clean weights
     * @param lossAfter  training loss at the attacked weights
     */
    public record Attack(Map<String, float[][]> weights, boolean kept, double lossBefore, double lossAfter) {
    }

    /** ∇p of the training loss at p (BatchNorm on running statistics). */
    static Map<String, float[][]> gradient(Supernet net, Map<String, float[][]> p, Batch train) {
        Map<String, float[][]> out = new LinkedHashMap<>();
        // the leaves outlive the pass (they live in the batch's manager) so their gradients can be read after it
        MixingWeights w = weights(net.arch(), p, train.x().getManager(), true);
        Passes.backward(x -> net.forward(x, w, false), train);
        for (String cell : p.keySet()) {
            try (NDArray g = w.matrix(cell).getGradient()) {
                float[] flat = g.toFloatArray();
                float[][] rows = new float[p.get(cell).length][];
                int k = p.get(cell)[0].length;
                for (int e = 0; e < rows.length; e++) {
                    rows[e] = java.util.Arrays.copyOfRange(flat, e * k, (e + 1) * k);
                }
                out.put(cell, rows);
            }
        }
        return out;
    }

    /**
     * Mixing weights of the given host matrices for one pass, in {@code pass}; with
     * {@code gradient} every entry of an undecided row is active and differentiable (the attack
     * needs ∇p even where p is 0), else exact zeros are skipped.
     *
     * @param arch the architecture state (α, decisions, masks)
     * @param p per cell type, the weight matrices on the host
     * @param pass the manager of this pass
     * @param gradient whether the weights need a gradient (the attack's steps)
     * @return the mixing weights
     */
    public static MixingWeights weights(ArchState arch, Map<String, float[][]> p, NDManager pass, boolean gradient) {
        Map<String, NDArray> matrices = new LinkedHashMap<>();
        Map<String, boolean[][]> active = new LinkedHashMap<>();
        p.forEach((cell, rows) -> {
            int edges = rows.length;
            int ops = rows[0].length;
            float[] flat = new float[edges * ops];
            boolean[][] act = new boolean[edges][ops];
            for (int e = 0; e < edges; e++) {
                boolean undecided = arch.decision(cell, e) == ArchState.UNDECIDED;
                for (int k = 0; k < ops; k++) {
                    flat[e * ops + k] = rows[e][k];
                    act[e][k] = rows[e][k] != 0f || gradient && undecided;
                }
            }
            NDArray m = pass.create(flat, new Shape(edges, ops));
            if (gradient) {
                m.setRequiresGradient(true);
            }
            matrices.put(cell, m);
            active.put(cell, act);
        });
        return MixingWeights.of(matrices, active);
    }
}
