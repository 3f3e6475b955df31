/** DJL engine set-up: engine choice, offline mode, threads, device. */
package dev.naslab.core.engine;
