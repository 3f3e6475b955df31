/**
 * The {@code naslab} command line (picocli): {@code run}, {@code plan}, {@code validate}, {@code status},
 * {@code report}, {@code plugins}, {@code inspect}, {@code table}, {@code bench}, {@code parity} and
 * {@code worker}; {@link dev.naslab.core.cli.Main} maps a {@link dev.naslab.core.UserException} to exit
 * code 2 and one message. The only package that wires the cluster and the report modules in.
 */
package dev.naslab.core.cli;
