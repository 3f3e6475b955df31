/**
 * The selection stage as selectors see it: {@link dev.naslab.api.select.SelectionContext} and the
 * standard {@link dev.naslab.api.select.Derivation} from mixing weights.
 */
package dev.naslab.api.select;
