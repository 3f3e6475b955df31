/** Trials: the coordinator's child-JVM runner and the child's pipeline (search, select, evaluate). */
package dev.naslab.core.trial;
