/**
 * The naslab plugin API: the six extension points ({@link dev.naslab.api.SearchSpace},
 * {@link dev.naslab.api.SearchOptimizer}, {@link dev.naslab.api.ArchitectureSelector},
 * {@link dev.naslab.api.DatasetProvider}, {@link dev.naslab.api.Evaluator},
 * {@link dev.naslab.api.ZeroCostProxy}) that plugins implement with PF4J's {@code @Extension}.
 *
 * <h2>Contract and toolkit</h2>
 * The <em>contract</em> is what the host and plugins exchange: this package, {@code model} (cell types,
 * the supernet, {@link dev.naslab.api.model.ArchState}, {@link dev.naslab.api.model.ArchMixing},
 * {@link dev.naslab.api.model.MixingWeights}, architectures, space capabilities), {@code search},
 * {@code select} and {@code eval} (what each stage hands a plugin), {@code data}, {@code plan} and
 * {@code results}. It changes additively between planned breaking versions. The <em>toolkit</em> is code
 * plugins may use and need not: {@code nn} (layers, and the {@link dev.naslab.api.nn.NetworkProbe} that
 * watches them), {@code train} (optimizers, {@code BilevelSteps},
 * {@code Passes}, loss terms), {@code perturb} (SDARTS's perturbations) and {@code bench}
 * (NAS-Bench-201 tables).
 *
 * <h2>Autograd with DJL: three rules</h2>
 * <ul>
 *   <li>Make constants arrays of the pass ({@code pass.create(λ)}) and multiply by them, not with
 *       {@code mul(Number)}: on PyTorch, DJL 0.36 frees the number's memory when the multiply returns,
 *       while autograd reads it again in the backward pass.</li>
 *   <li>An operation's result lives in its first operand's manager. Compute a pass from
 *       {@link dev.naslab.api.model.ArchState#view} of an architecture parameter, not from the parameter
 *       (whose manager lives as long as the search), so the pass's intermediates go with the pass.</li>
 *   <li>One manager per pass, closed when the pass is done ({@code BilevelSteps} and {@code Passes} do
 *       it); gradients are zeroed, not reallocated. Native memory then stays flat over a long search.</li>
 * </ul>
 * {@code examples/optimizer-template} in the source tree is a search optimizer written this way.
 */
package dev.naslab.api;
