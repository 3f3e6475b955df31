/**
 * The supernet model shared by every space, optimizer and selector: cell types with edges and
 * candidate ops ({@link dev.naslab.api.model.CellType}), α with decisions and masks
 * ({@link dev.naslab.api.model.ArchState}), the per-pass {@link dev.naslab.api.model.MixingWeights},
 * and the value type {@link dev.naslab.api.model.Architecture}.
 */
package dev.naslab.api.model;
