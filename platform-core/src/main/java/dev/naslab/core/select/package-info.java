/** The selection stage: one supernet copy per selector, projected accuracy, resumable progress. */
package dev.naslab.core.select;
