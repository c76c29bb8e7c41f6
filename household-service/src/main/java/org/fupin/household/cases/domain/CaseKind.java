package org.fupin.household.cases.domain;

import java.util.List;

import org.fupin.household.registry.domain.Action;

/**
 * What a case decides (建檔立卡 identification, 脫貧 exit, 返貧 return, 清退 removal), the stages it goes
 * through in order, and the lifecycle action its approval applies to the household.
 */
public enum CaseKind {

    /** 識別: a household not poor today is identified as poor; it alone has a township notice as well. */
    IDENTIFY(Action.IDENTIFY, List.of(Stage.PROPOSAL, Stage.VERIFICATION, Stage.APPRAISAL, Stage.VILLAGE_NOTICE,
            Stage.TOWNSHIP_REVIEW, Stage.TOWNSHIP_NOTICE, Stage.COUNTY_APPROVAL)),
    /** 脫貧: a poor household exits; the household acknowledges the exit before the village appraises it. */
    EXIT(Action.CONFIRM_EXIT, List.of(Stage.PROPOSAL, Stage.VERIFICATION, Stage.ACKNOWLEDGEMENT, Stage.APPRAISAL,
            Stage.VILLAGE_NOTICE, Stage.TOWNSHIP_REVIEW, Stage.COUNTY_APPROVAL)),
    /** 返貧: an exited household returns to poverty. */
    RETURN(Action.RETURN_TO_POVERTY, List.of(Stage.PROPOSAL, Stage.VERIFICATION, Stage.APPRAISAL, Stage.VILLAGE_NOTICE,
            Stage.TOWNSHIP_REVIEW, Stage.COUNTY_APPROVAL)),
    /** 清退: a household that should never have been registered, or no longer exists, leaves the register. */
    REMOVE(Action.REMOVE, List.of(Stage.PROPOSAL, Stage.VERIFICATION, Stage.APPRAISAL, Stage.VILLAGE_NOTICE,
            Stage.TOWNSHIP_REVIEW, Stage.COUNTY_APPROVAL));

    private final Action decides;
    private final List<Stage> stages;

    CaseKind(Action decides, List<Stage> stages) {
        this.decides = decides;
        this.stages = stages;
    }

    /** The lifecycle action the county's approval applies, with the announcement's date as effective date. */
    public Action decides() {
        return decides;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** The stage after {@code stage} in this kind's procedure; none after the county's approval. */
    public Stage after(Stage stage) {
        int index = stages.indexOf(stage);
        if (index < 0 || index == stages.size() - 1) {
            throw new IllegalArgumentException(stage + " has no next stage in a " + this + " case");
        }
        return stages.get(index + 1);
    }
}
