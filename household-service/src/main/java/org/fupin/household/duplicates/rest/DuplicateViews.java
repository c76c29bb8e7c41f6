package org.fupin.household.duplicates.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.duplicates.domain.DuplicateDecisions.Status;
import org.fupin.household.duplicates.domain.DuplicateReason;
import org.fupin.household.duplicates.service.DuplicateReviews;
import org.fupin.household.duplicates.service.DuplicateScans;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.privacy.PersonalField;
import org.fupin.household.duplicates.service.DuplicateCheck;

/** The duplicate review queue and scans as the API shows them; people as the privacy policy lets the caller see them. */
final class DuplicateViews {

    private DuplicateViews() {
    }

    @Schema(name = "DuplicateSide")
    record SideView(UUID memberId, UUID householdId, String householdNo, String villageCode,
            @Schema(nullable = true) String name, @Schema(nullable = true) String idNumber,
            @Schema(description = "Whether the member record is still current (not removed).") boolean current) {

        static SideView of(DuplicateReviews.Side side, FieldAccess access) {
            return new SideView(side.memberId(), side.householdId(), side.householdNo(), side.villageCode(),
                    access.text(PersonalField.NAME, side.villageCode(), side.name()),
                    access.text(PersonalField.ID_NUMBER, side.villageCode(), side.idNumber()), side.current());
        }
    }

    @Schema(name = "PossibleDuplicate")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PairView(UUID id, SideView a, SideView b, List<DuplicateReason> reasons, Instant foundAt,
            @Schema(description = "scan or registration (confirmed as two people by the registering cadre)") String foundBy,
            @Schema(description = "OPEN (to decide), DISTINCT (two people), MERGED (one person registered twice: one record "
                    + "retired) or MOVED (one person living in the other record's household: one record removed)") Status status,
            Instant decidedAt, String decidedBy, String decisionReason,
            @Schema(description = "The member record a merge or move removed; an undo restores it.", nullable = true) UUID retiredMemberId,
            @Schema(description = "From this day the retired record no longer counts: the day the person's other record began "
                    + "(merge), or the day of the move.", nullable = true) LocalDate retiredFrom) {

        static PairView of(DuplicateReviews.Pair pair, FieldAccess access) {
            return new PairView(pair.id(), SideView.of(pair.a(), access), SideView.of(pair.b(), access), pair.reasons(),
                    pair.foundAt(), pair.foundBy(), pair.status(), pair.decidedAt(), pair.decidedBy(), pair.decisionReason(),
                    pair.retiredMember(), pair.retiredFrom());
        }
    }

    @Schema(name = "DuplicateScan")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScanView(UUID id, String region, @Schema(description = "QUEUED, RUNNING, DONE or FAILED") String status,
            String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt,
            @Schema(description = "Current members of the region read.") Integer membersRead,
            @Schema(description = "Distinct name readings (pinyin) among them.") Integer namesRead,
            @Schema(description = "Pairs the rules call possible duplicates.") Integer pairsFound,
            @Schema(description = "Of those, pairs not in the review queue before.") Integer pairsNew, String error) {

        static ScanView of(DuplicateScans.Scan s) {
            return new ScanView(s.id(), s.region(), s.status(), s.requestedBy(), s.requestedAt(), s.startedAt(), s.finishedAt(),
                    s.membersRead(), s.namesRead(), s.pairsFound(), s.pairsNew(), s.error());
        }
    }

    @Schema(name = "DuplicateScanRequest")
    record ScanRequest(@Schema(description = "Region code to scan; default the caller's region.", nullable = true) String region) {
    }

    @Schema(name = "DuplicateDismissal")
    record Dismissal(@Schema(description = "Why the two records are two people (5 to 500 characters).", required = true,
            minLength = DuplicateCheck.MIN_REASON, maxLength = DuplicateCheck.MAX_REASON) String reason) {
    }

    @Schema(name = "DuplicateMerge")
    record Merge(@Schema(description = "The member id of the record that stays (a.memberId or b.memberId); the other is retired.",
            required = true) UUID keep,
            @Schema(description = "Why the two records are one person (5 to 500 characters).", required = true,
                    minLength = DuplicateCheck.MIN_REASON, maxLength = DuplicateCheck.MAX_REASON) String reason) {
    }

    @Schema(name = "DuplicateMove")
    record Move(@Schema(description = "The member id of the record that leaves its household (a.memberId or b.memberId); the "
            + "person stays in the other record's household.", required = true) UUID member,
            @Schema(description = "The day the person moved, between the leaving record's first day and today; default the day "
                    + "the other record began (or the leaving record's own first day, if later).", nullable = true) LocalDate effectiveDate,
            @Schema(description = "Why (5 to 500 characters).", required = true,
                    minLength = DuplicateCheck.MIN_REASON, maxLength = DuplicateCheck.MAX_REASON) String reason) {
    }

    @Schema(name = "DuplicateUndo")
    record Undo(@Schema(description = "Why the decision is undone (5 to 500 characters).", required = true,
                    minLength = DuplicateCheck.MIN_REASON, maxLength = DuplicateCheck.MAX_REASON) String reason) {
    }
}
