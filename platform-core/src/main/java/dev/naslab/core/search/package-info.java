/** The search stage: the epoch loop around a search optimizer, checkpoints and resume. */
package dev.naslab.core.search;
