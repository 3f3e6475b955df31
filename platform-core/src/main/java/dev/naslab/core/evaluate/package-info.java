/** The evaluation stage: one evaluator on one selected architecture. */
package dev.naslab.core.evaluate;
