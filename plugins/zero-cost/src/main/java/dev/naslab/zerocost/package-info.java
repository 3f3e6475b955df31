/**
 * Zero-cost proxies: scores of a network at initialisation from one batch or none, after Abdelfattah et al.
 * (ICLR 2021, SamsungLabs/zero-cost-nas) and Mellor et al. (NASWOT, ICML 2021). Each proxy is an extension
 * ({@link dev.naslab.api.ZeroCostProxy}) that reads the network through
 * {@link dev.naslab.api.nn.NetworkProbe}, so it works in any space built on the toolkit's layers.
 */
package dev.naslab.zerocost;
