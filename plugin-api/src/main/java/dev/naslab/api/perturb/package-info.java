/**
 * Perturbations of the mixing weights seen by the weight step (SDARTS, Chen and Hsieh, ICML 2020):
 * the projection Π, the ε ramp, random smoothing and the PGD-L∞ attack, shared by the SDARTS
 * optimizer and by selectors that tune a supernet the same way (DARTS-PT after SDARTS).
 *
 * @since 0.2
 */
package dev.naslab.api.perturb;
