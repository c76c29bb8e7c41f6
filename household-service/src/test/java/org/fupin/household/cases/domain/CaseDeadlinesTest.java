package org.fupin.household.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CaseDeadlinesTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2019, 6, 1);
    private final CaseDeadlines deadlines = new CaseDeadlines(Map.of(Stage.VERIFICATION, 10, Stage.ACKNOWLEDGEMENT, 7,
            Stage.APPRAISAL, 15, Stage.TOWNSHIP_REVIEW, 12, Stage.COUNTY_APPROVAL, 20), 5);

    @Test
    void aStageIsDueItsDaysAfterItBegan() {
        CaseState verification = CaseRules.open(CaseKind.EXIT, "cadre", JUNE_1, JUNE_1);

        assertThat(deadlines.dueOn(verification, null)).isEqualTo(JUNE_1.plusDays(10));
    }

    @Test
    void theStageAfterANoticeIsDueItsDaysAfterTheNoticeEnds() {
        CaseState notice = new CaseState(CaseKind.EXIT, CaseStatus.OPEN, Stage.VILLAGE_NOTICE, JUNE_1, JUNE_1, JUNE_1.plusDays(7),
                "cadre", JUNE_1);

        assertThat(deadlines.dueOn(notice, null)).isEqualTo(JUNE_1.plusDays(7 + 12));
    }

    @Test
    void anObjectionsFindingIsDueItsDaysAfterTheEarliestPendingObjection() {
        CaseState objected = new CaseState(CaseKind.EXIT, CaseStatus.OBJECTED, Stage.VILLAGE_NOTICE, JUNE_1, JUNE_1,
                JUNE_1.plusDays(7), "cadre", JUNE_1);

        assertThat(deadlines.dueOn(objected, JUNE_1.plusDays(3))).isEqualTo(JUNE_1.plusDays(3 + 5));
    }

    @Test
    void aClosedCaseIsDueNothing() {
        CaseState approved = new CaseState(CaseKind.EXIT, CaseStatus.APPROVED, Stage.COUNTY_APPROVAL, JUNE_1, null, null,
                "cadre", JUNE_1);

        assertThat(deadlines.dueOn(approved, null)).isNull();
    }
}
