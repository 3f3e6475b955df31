/**
 * A test kit for plugin authors: small, real implementations of what the naslab host hands a
 * plugin, so that an optimizer, selector or evaluator can be unit-tested without the host.
 *
 * <ul>
 *   <li>{@link dev.naslab.testkit.ToySupernet}: a tiny convolutional supernet (one cell of three
 *       edges, four candidate ops) that trains in milliseconds;</li>
 *   <li>{@link dev.naslab.testkit.TestData}: random images whose class decides their brightness, so
 *       that accuracy moves when a network learns;</li>
 *   <li>{@link dev.naslab.testkit.TestSearchState} and {@link dev.naslab.testkit.TestSelectionContext}:
 *       the search state and selection context, in memory.</li>
 * </ul>
 *
 * <p>Add {@code dev.naslab:plugin-testkit} with scope {@code test} (the plugin parent pom does).
 */
package dev.naslab.testkit;
