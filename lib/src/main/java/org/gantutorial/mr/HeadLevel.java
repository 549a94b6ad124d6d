package org.gantutorial.mr;

/**
 * Three ranges of axial levels of a whole-head scan, found from the head's outline alone (its area on
 * each slice), as {@link SliceOptions.Levels#VENTRICLES} is. Slices run inferior to superior; the
 * widest slice divides the lower range from the middle one.
 */
public enum HeadLevel {
    /**
     * Below the widest slice, down to where the head falls under the kept fraction of its widest area:
     * skull base, orbits and posterior fossa (in the two BrainBrowser scans, whose widest slice is at the
     * orbits, mostly the posterior fossa and the face below them).
     */
    SKULL_BASE,
    /** The widest slice and those above it that keep 90% of its area: the levels of the lateral ventricles. */
    VENTRICLES,
    /** Above the ventricle level up to the vertex: centrum semiovale, high convexity, a shrinking oval of head. */
    VERTEX
}
