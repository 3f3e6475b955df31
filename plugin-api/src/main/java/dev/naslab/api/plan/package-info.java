/**
 * What a plugin tells the host about the work it will do, so that {@code naslab plan} can estimate
 * an experiment's time before anything runs. Since API 0.2.
 */
package dev.naslab.api.plan;
