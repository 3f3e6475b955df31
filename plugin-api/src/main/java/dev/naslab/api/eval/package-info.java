/** The evaluation stage as evaluators see it. */
package dev.naslab.api.eval;
