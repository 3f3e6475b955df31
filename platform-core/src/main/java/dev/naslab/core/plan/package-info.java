/** Planning: an experiment's matrix expanded into trials. */
package dev.naslab.core.plan;
