/** Showing trial progress: a bar with ETA on a terminal, periodic lines otherwise. */
package dev.naslab.core.progress;
