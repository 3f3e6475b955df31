/** Speed and memory measurements for {@code naslab bench} (never timed tests). */
package dev.naslab.core.bench;
