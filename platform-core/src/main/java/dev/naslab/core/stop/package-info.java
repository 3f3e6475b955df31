/**
 * Early stopping of a search (the experiment's search-block key {@code early_stop:}): rules that read
 * the collapse diagnostics of the epochs so far and decide to go on, to stop (and which epoch's
 * supernet is the search's result), to note where they would have stopped, or to roll back and raise
 * the weight decay. The rules are pure functions of the epochs' records, so a resumed search decides
 * exactly as the uninterrupted one; {@link dev.naslab.core.search.SearchRunner} carries the decisions out.
 */
package dev.naslab.core.stop;
