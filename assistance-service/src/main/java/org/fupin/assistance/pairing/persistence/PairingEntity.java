package org.fupin.assistance.pairing.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.assistance.pairing.domain.EndReason;
import org.fupin.assistance.pairing.domain.PairingKind;
import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of pairing: who helps whom since when, and, once it ended, when and why. */
@Entity
@Table(name = "pairing")
public class PairingEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PairingKind kind;

    @Column(name = "helper_id")
    public UUID helperId;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "household_id")
    public UUID householdId;

    /** The paired village, or the household's current village for a helper pairing. */
    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    @Column(name = "replaces_pairing_id")
    public UUID replacesPairingId;

    @Column(name = "replacement_pairing_id")
    public UUID replacementPairingId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Version
    public long version;

    public boolean active() {
        return endDate == null;
    }

    /** The household's active helper pairing, or null. */
    public static PairingEntity activeHelperPairingOf(UUID householdId) {
        return find("householdId = ?1 and kind = ?2 and endDate is null", householdId, PairingKind.HELPER_HOUSEHOLD)
                .firstResult();
    }

    /** Whether the unit or group is paired with the village now. */
    public static boolean villagePairingActive(PairingKind kind, UUID partyId, String villageCode) {
        String party = kind == PairingKind.UNIT_VILLAGE ? "unitId" : "groupId";
        return count("kind = ?1 and " + party + " = ?2 and villageCode = ?3 and endDate is null", kind, partyId, villageCode) > 0;
    }
}
