/**
 * NAS-Bench-201 ground truth on the host's side: importing a benchmark table from any CSV ({@link
 * dev.naslab.core.bench201.TableImport}) and looking up the cells a search derives after every epoch ({@link
 * dev.naslab.core.bench201.EpochLookup}). The format itself is the API's ({@link dev.naslab.api.bench.Nb201Table}).
 */
package dev.naslab.core.bench201;
