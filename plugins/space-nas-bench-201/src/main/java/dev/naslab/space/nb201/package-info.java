/**
 * The NAS-Bench-201 search space plugin ({@code nas-bench-201}); start at
 * {@link dev.naslab.space.nb201.Nb201Space}.
 */
package dev.naslab.space.nb201;
