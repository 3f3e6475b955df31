/** Results on disk: atomic writes, tensor files, the results table. */
package dev.naslab.core.results;
