package dev.naslab.selector.magnitude;

/** The magnitude selector has no settings. */
public record MagnitudeSettings() {
}
