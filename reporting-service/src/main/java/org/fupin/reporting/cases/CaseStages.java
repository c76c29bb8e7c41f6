package org.fupin.reporting.cases;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stages of the procedure in order, with their labels, and the kinds of case, as the events name them. */
final class CaseStages {

    /** Every stage of the procedure, in its order, with its label. */
    static final Map<String, String> LABELS = labels();

    /** The stages an open case can wait at (all but the proposal, which opens it). */
    static final List<String> WAITING = LABELS.keySet().stream().filter(stage -> !stage.equals("PROPOSAL")).toList();

    static final List<String> KINDS = List.of("IDENTIFY", "EXIT", "RETURN", "REMOVE");

    private CaseStages() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("PROPOSAL", "申請");
        labels.put("VERIFICATION", "入戶核實");
        labels.put("ACKNOWLEDGEMENT", "貧困戶認可");
        labels.put("APPRAISAL", "民主評議");
        labels.put("VILLAGE_NOTICE", "村公示");
        labels.put("TOWNSHIP_REVIEW", "鄉鎮審核");
        labels.put("TOWNSHIP_NOTICE", "鄉鎮公示");
        labels.put("COUNTY_APPROVAL", "縣審定公告");
        return Collections.unmodifiableMap(labels);
    }
}
