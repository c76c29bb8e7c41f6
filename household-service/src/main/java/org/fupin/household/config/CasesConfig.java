package org.fupin.household.config;

import java.util.Map;

import org.fupin.household.cases.domain.CaseDeadlines;
import org.fupin.household.cases.domain.Stage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the decision procedure (兩公示一公告): notice length and the time limit of each stage. */
@ConfigMapping(prefix = "fupin.cases")
public interface CasesConfig {

    /** Days a public notice (村公示, 鄉鎮公示) runs; objections are taken until the day before it ends. */
    @WithDefault("7")
    int noticeDays();

    /** Days from the proposal for the verification visit (入戶核實). */
    @WithDefault("10")
    int verificationDays();

    /** Days for the household's acknowledgement of an exit (貧困戶認可). */
    @WithDefault("7")
    int acknowledgementDays();

    /** Days for the village's democratic appraisal (民主評議). */
    @WithDefault("15")
    int appraisalDays();

    /** Days after the village notice for the township's review (鄉鎮審核). */
    @WithDefault("10")
    int townshipReviewDays();

    /** Days after the last notice or review for the county's decision and announcement (縣審定公告). */
    @WithDefault("15")
    int countyApprovalDays();

    /** Days from an objection for the township's finding. */
    @WithDefault("10")
    int objectionDays();

    default CaseDeadlines deadlines() {
        return new CaseDeadlines(Map.of(Stage.VERIFICATION, verificationDays(), Stage.ACKNOWLEDGEMENT, acknowledgementDays(),
                Stage.APPRAISAL, appraisalDays(), Stage.TOWNSHIP_REVIEW, townshipReviewDays(),
                Stage.COUNTY_APPROVAL, countyApprovalDays()), objectionDays());
    }
}
