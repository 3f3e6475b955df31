/**
 * In-memory image data: {@link dev.naslab.api.data.ImageData} (bytes and labels),
 * {@link dev.naslab.api.data.ImageSet} (a normalised split that builds
 * {@link dev.naslab.api.data.Batch}es), {@link dev.naslab.api.data.DataSplits} and seeded
 * {@link dev.naslab.api.data.BatchStream}s.
 */
package dev.naslab.api.data;
