package org.fupin.assistance.pairing.domain;

/** Who is paired with whom: a helper with a household, or a unit or an assistance group with a village. */
public enum PairingKind {
    HELPER_HOUSEHOLD, UNIT_VILLAGE, GROUP_VILLAGE
}
