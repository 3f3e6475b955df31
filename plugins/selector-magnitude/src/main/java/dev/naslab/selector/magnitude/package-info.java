/** The {@code magnitude} selector: {@link dev.naslab.selector.magnitude.MagnitudeSelector}. */
package dev.naslab.selector.magnitude;
