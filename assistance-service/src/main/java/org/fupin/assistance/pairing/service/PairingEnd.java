package org.fupin.assistance.pairing.service;

import java.time.LocalDate;
import java.util.UUID;

import org.fupin.assistance.pairing.domain.EndReason;

/** How a pairing is asked to end: when, why, and the helper who takes over, if any. */
public record PairingEnd(LocalDate endDate, EndReason reason, UUID replacementHelperId) {
}
