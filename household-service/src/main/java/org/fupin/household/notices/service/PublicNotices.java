package org.fupin.household.notices.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.household.cases.domain.CaseKind;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.config.NoticesConfig;
import org.fupin.household.notices.domain.NameDisplay;
import org.fupin.household.region.persistence.RegionEntity;
import org.fupin.household.registry.domain.IdNumber;
import org.fupin.kernel.Refusal;
import org.fupin.platform.security.RegionFilter;
import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.fupin.security.RegionScope;

/**
 * The public notice lists (公示名單) and announcement lists (公告): what a cadre pins on the board, read from
 * the notices and decisions the cases left behind, so that the list of any past day prints the same again.
 * ID numbers are always masked; names as the county configures.
 */
@ApplicationScoped
public class PublicNotices {

    /** A region as a document names it. */
    public record Place(String code, String name) {
    }

    /** A household on a notice: the case, the notice's dates, and how many objections were filed during it. */
    public record NoticeEntry(UUID caseId, UUID householdId, String householdNo, String headName, String headIdNumber,
            Place village, Place township, CaseKind kind, Stage notice, LocalDate startsOn, LocalDate endsOn, long objections) {
    }

    /** The notices running on one day in a region, village by village. */
    public record Board(Place region, LocalDate on, NameDisplay names, List<NoticeEntry> entries) {
    }

    /** A household whose case the county approved and announced. */
    public record Announced(UUID caseId, UUID householdId, String householdNo, String headName, String headIdNumber,
            Place village, Place township, CaseKind kind, LocalDate announcedOn) {
    }

    /** The county's announcements (縣審定公告) of a period. */
    public record Announcement(Place region, LocalDate from, LocalDate to, NameDisplay names, List<Announced> entries) {
    }

    private static final String HOUSEHOLD = """
             join household h on h.id = c.household_id
             join region v on v.code = c.village_code
             left join region t on t.code = v.parent_code
             left join lateral (select m.name, m.id_number from household_member m
                 where m.household_id = h.id and m.relation = 'HEAD' and m.removed_reason is null limit 1) head on true
            """;

    private static final String BOARD = """
            select n.case_id, c.household_id, c.kind, n.stage, n.starts_on, n.ends_on, h.household_no,
                   v.code as village_code, v.name as village_name, t.code as township_code, t.name as township_name,
                   head.name as head_name, head.id_number as head_id_number,
                   (select count(*) from case_objection o where o.case_id = n.case_id and o.stage = n.stage
                        and o.filed_on >= n.starts_on and o.filed_on < n.ends_on) as objections
            from case_notice n
            join household_case c on c.id = n.case_id
            """ + HOUSEHOLD + """
            where n.village_code like :region and n.starts_on <= :on and n.ends_on > :on
              and (c.decided_on is null or c.decided_on > :on)
            order by n.village_code, n.stage, h.household_no
            """;

    private static final String ANNOUNCED = """
            select c.id as case_id, c.household_id, c.kind, c.decided_on, h.household_no,
                   v.code as village_code, v.name as village_name, t.code as township_code, t.name as township_name,
                   head.name as head_name, head.id_number as head_id_number
            from household_case c
            """ + HOUSEHOLD + """
            where c.status = 'APPROVED' and c.village_code like :region and c.decided_on between :from and :to
            order by c.kind, c.decided_on, c.village_code, h.household_no
            """;

    private final EntityManager entityManager;
    private final NoticesConfig config;

    public PublicNotices(EntityManager entityManager, NoticesConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * The notices (村公示, 鄉鎮公示) on the board on {@code on} in {@code region} (null: the caller's), with names
     * shown as the county chose for its boards and at most as the privacy policy lets the reader see them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Board board(String region, LocalDate on, RegionScope scope, NameDisplay allowed) {
        Place place = place(RegionFilter.within(scope, region));
        NameDisplay names = config.namesIn(place.code()).atMost(allowed);
        List<NoticeEntry> entries = Rows.list(entityManager.createNativeQuery(BOARD)
                .setParameter("region", place.code() + "%").setParameter("on", on), row -> new NoticeEntry(
                        row.uuid("case_id"), row.uuid("household_id"), row.text("household_no"), names.show(row.text("head_name")),
                        masked(row.text("head_id_number")), village(row), township(row), CaseKind.valueOf(row.text("kind")),
                        Stage.valueOf(row.text("stage")), row.date("starts_on"), row.date("ends_on"), row.count("objections")));
        return new Board(place, on, names, entries);
    }

    /** The cases the county approved and announced from {@code from} to {@code to}, both included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Announcement announced(String region, LocalDate from, LocalDate to, RegionScope scope, NameDisplay allowed) {
        if (to.isBefore(from)) {
            throw Refusal.invalid("invalid-parameter", "from must not be after to.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= config.maxAnnouncementDays()) {
            throw Refusal.invalid("invalid-parameter", "An announcement list covers at most " + config.maxAnnouncementDays() + " days.");
        }
        Place place = place(RegionFilter.within(scope, region));
        NameDisplay names = config.namesIn(place.code()).atMost(allowed);
        List<Announced> entries = Rows.list(entityManager.createNativeQuery(ANNOUNCED)
                .setParameter("region", place.code() + "%").setParameter("from", from).setParameter("to", to), row -> new Announced(
                        row.uuid("case_id"), row.uuid("household_id"), row.text("household_no"), names.show(row.text("head_name")),
                        masked(row.text("head_id_number")), village(row), township(row), CaseKind.valueOf(row.text("kind")),
                        row.date("decided_on")));
        return new Announcement(place, from, to, names, entries);
    }

    private static Place place(String code) {
        RegionEntity region = RegionEntity.findById(code);
        return new Place(code, region == null ? null : region.name);
    }

    private static Place village(Row row) {
        return new Place(row.text("village_code"), row.text("village_name"));
    }

    private static Place township(Row row) {
        String code = row.text("township_code");
        return code == null ? null : new Place(code, row.text("township_name"));
    }

    private static String masked(String idNumber) {
        return idNumber == null ? null : IdNumber.mask(idNumber.strip());
    }
}
