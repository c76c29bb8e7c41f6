package org.fupin.household.notices.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.cases.domain.CaseKind;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.notices.domain.NameDisplay;
import org.fupin.household.notices.service.PublicNotices;
import org.fupin.household.notices.service.PublicNotices.Place;
import org.fupin.platform.listing.Csv;

/** The JSON and CSV forms of notice lists and announcements. */
final class NoticeViews {

    private NoticeViews() {
    }

    /** The notice list (公示名單) of a region on a day, one group per village. */
    @Schema(name = "PublicNoticeList")
    record NoticeList(Place region, LocalDate on,
            @Schema(description = "How names are shown, as the county configures: FULL, MASKED (張*豐) or NONE (no name).")
            NameDisplay names,
            List<VillageNotices> villages) {
    }

    /** The households of one village on the board that day. */
    @Schema(name = "VillageNotices")
    record VillageNotices(Place village, Place township, List<NoticeEntry> entries) {
    }

    @Schema(name = "PublicNoticeEntry")
    record NoticeEntry(UUID caseId, UUID householdId, String householdNo,
            @Schema(description = "The head of household's name as the county shows it; null with NONE.") String headName,
            @Schema(description = "Always masked: the first six and last four characters.") String headIdNumber,
            CaseKind kind,
            @Schema(description = "VILLAGE_NOTICE (村公示) or TOWNSHIP_NOTICE (鄉鎮公示).") Stage notice,
            @Schema(description = "Chinese label of the notice.") String noticeLabel,
            LocalDate startsOn,
            @Schema(description = "The day the notice ends; objections are taken until the day before.") LocalDate endsOn,
            LocalDate objectionsUntil,
            @Schema(description = "Objections filed during this notice.") long objections) {
    }

    /** The county's announcement (公告) of approved cases in a period. */
    @Schema(name = "AnnouncementList")
    record AnnouncementList(Place region, LocalDate from, LocalDate to, NameDisplay names, List<AnnouncedEntry> entries) {
    }

    @Schema(name = "AnnouncementEntry")
    record AnnouncedEntry(UUID caseId, UUID householdId, String householdNo, String headName, String headIdNumber, Place village,
            Place township, CaseKind kind,
            @Schema(description = "The announcement's date: the effective date of the household's new status.") LocalDate announcedOn) {
    }

    static NoticeList list(PublicNotices.Board board) {
        Map<String, List<NoticeEntry>> byVillage = new LinkedHashMap<>();
        Map<String, PublicNotices.NoticeEntry> first = new LinkedHashMap<>();
        for (PublicNotices.NoticeEntry e : board.entries()) {
            first.putIfAbsent(e.village().code(), e);
            byVillage.computeIfAbsent(e.village().code(), code -> new ArrayList<>()).add(new NoticeEntry(e.caseId(), e.householdId(),
                    e.householdNo(), e.headName(), e.headIdNumber(), e.kind(), e.notice(), e.notice().label(), e.startsOn(),
                    e.endsOn(), e.endsOn().minusDays(1), e.objections()));
        }
        List<VillageNotices> villages = byVillage.entrySet().stream()
                .map(v -> new VillageNotices(first.get(v.getKey()).village(), first.get(v.getKey()).township(), v.getValue()))
                .toList();
        return new NoticeList(board.region(), board.on(), board.names(), villages);
    }

    static AnnouncementList list(PublicNotices.Announcement announcement) {
        return new AnnouncementList(announcement.region(), announcement.from(), announcement.to(), announcement.names(),
                announcement.entries().stream().map(e -> new AnnouncedEntry(e.caseId(), e.householdId(), e.householdNo(),
                        e.headName(), e.headIdNumber(), e.village(), e.township(), e.kind(), e.announcedOn())).toList());
    }

    static final Csv<PublicNotices.NoticeEntry> NOTICE_CSV = Csv.of(PublicNotices.NoticeEntry.class)
            .column("villageCode", e -> e.village().code())
            .column("village", e -> e.village().name())
            .column("township", e -> e.township() == null ? null : e.township().name())
            .column("householdNo", PublicNotices.NoticeEntry::householdNo)
            .column("headName", PublicNotices.NoticeEntry::headName)
            .column("headIdNumber", PublicNotices.NoticeEntry::headIdNumber)
            .column("kind", PublicNotices.NoticeEntry::kind)
            .column("notice", PublicNotices.NoticeEntry::notice)
            .column("startsOn", PublicNotices.NoticeEntry::startsOn)
            .column("endsOn", PublicNotices.NoticeEntry::endsOn)
            .column("objections", PublicNotices.NoticeEntry::objections);

    static final Csv<PublicNotices.Announced> ANNOUNCED_CSV = Csv.of(PublicNotices.Announced.class)
            .column("villageCode", e -> e.village().code())
            .column("village", e -> e.village().name())
            .column("township", e -> e.township() == null ? null : e.township().name())
            .column("householdNo", PublicNotices.Announced::householdNo)
            .column("headName", PublicNotices.Announced::headName)
            .column("headIdNumber", PublicNotices.Announced::headIdNumber)
            .column("kind", PublicNotices.Announced::kind)
            .column("announcedOn", PublicNotices.Announced::announcedOn);
}
