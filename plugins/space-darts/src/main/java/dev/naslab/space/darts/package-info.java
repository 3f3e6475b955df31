/**
 * The DARTS CNN search space plugin ({@code darts}), with the RobustDARTS op sets S1–S4 and the
 * SDARTS/DARTS-PT set {@code s5}; start at {@link dev.naslab.space.darts.DartsSpace}.
 */
package dev.naslab.space.darts;
