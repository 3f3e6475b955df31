/**
 * Engine parity: the same weights on two DJL engines (PyTorch and MXNet) must give the same numbers
 * ({@code naslab parity}). Checks logits, gradients and one DARTS iteration of a space's supernet,
 * and logits and gradients of its published discrete networks.
 */
package dev.naslab.core.parity;
