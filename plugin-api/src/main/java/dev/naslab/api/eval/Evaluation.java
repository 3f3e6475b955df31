package dev.naslab.api.eval;

import java.util.Map;

/**
 * The result of an evaluation.
 *
 * @param testAccuracy top-1 test accuracy in percent
 * @param testLoss     mean test cross-entropy
 * @param parameters   trainable parameters of the evaluated network
 * @param metrics      further named numbers (e.g. final train accuracy)
 */
public record Evaluation(double testAccuracy, double testLoss, long parameters, Map<String, Double> metrics) {
}
