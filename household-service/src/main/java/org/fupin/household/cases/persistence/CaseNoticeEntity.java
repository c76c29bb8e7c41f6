package org.fupin.household.cases.persistence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.fupin.household.cases.domain.Stage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of case_notice: a public notice a case went through, with its dates. */
@Entity
@Table(name = "case_notice")
public class CaseNoticeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    public static CaseNoticeEntity of(CaseEntity c) {
        CaseNoticeEntity notice = new CaseNoticeEntity();
        notice.caseId = c.id;
        notice.stage = c.stage;
        notice.villageCode = c.villageCode;
        notice.startsOn = c.noticeStartsOn;
        notice.endsOn = c.noticeEndsOn;
        return notice;
    }
}
