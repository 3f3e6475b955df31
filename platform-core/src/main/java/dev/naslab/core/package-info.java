/**
 * naslab's runtime. {@link dev.naslab.core.UserException} is the one type for input a user can
 * fix; every layer throws it and the command line turns it into one message and exit code 2.
 */
package dev.naslab.core;
