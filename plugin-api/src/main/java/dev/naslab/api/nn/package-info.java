/**
 * Layers for the NAS op sets written over DJL's functional ops, with parameters held by name in a
 * {@link dev.naslab.api.nn.ParamStore}: {@link dev.naslab.api.nn.Conv2d},
 * {@link dev.naslab.api.nn.BatchNorm2d}, {@link dev.naslab.api.nn.Linear},
 * {@link dev.naslab.api.nn.ReluConvBn} and the pooling ops of {@link dev.naslab.api.nn.Ops}.
 */
package dev.naslab.api.nn;
