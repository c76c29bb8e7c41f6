package org.fupin.household.cases.domain;

/** The stages of a case, in the order the procedure may take them; each kind uses some of them. */
public enum Stage {
    /** 申請/提名: the household through a village cadre, or the work team, proposes the case. */
    PROPOSAL("申請"),
    /** 入戶核實: someone other than the proposer visits the household and says whether the case holds. */
    VERIFICATION("入戶核實"),
    /** 貧困戶認可: the household signs that it agrees to exit (EXIT only). */
    ACKNOWLEDGEMENT("貧困戶認可"),
    /** 民主評議: the village meeting votes; a majority of those present must be for. */
    APPRAISAL("民主評議"),
    /** 村公示: the village board shows the case; anyone may object until it ends. */
    VILLAGE_NOTICE("村公示"),
    /** 鄉鎮審核: the township approves, or sends the case back to verification. */
    TOWNSHIP_REVIEW("鄉鎮審核"),
    /** 鄉鎮公示: IDENTIFY only, as the village notice. */
    TOWNSHIP_NOTICE("鄉鎮公示"),
    /** 縣審定公告: the county approves or rejects; approval changes the household's status. */
    COUNTY_APPROVAL("縣審定公告");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A notice stage runs by itself for its days; nobody completes it. */
    public boolean isNotice() {
        return this == VILLAGE_NOTICE || this == TOWNSHIP_NOTICE;
    }
}
