/**
 * The types every other package of the API builds on and that depend on nothing of it: the seeded
 * generator {@link dev.naslab.api.base.Rng} (every random draw of a trial comes from one, so runs repeat
 * and resume exactly) and the {@link dev.naslab.api.base.Progress} sink long work reports to. Keeping them
 * here leaves the API's packages without import cycles. Since API 0.3 (earlier in {@code train} and the
 * root package).
 */
package dev.naslab.api.base;
