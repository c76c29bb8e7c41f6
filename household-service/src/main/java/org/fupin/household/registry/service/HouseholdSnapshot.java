package org.fupin.household.registry.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.household.history.domain.Changes;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.registry.domain.NewMember;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;

/**
 * A household's recorded fields as a flat map, the input of history diffs: its facts, its status,
 * and each current member's facts under {@code members[<memberId>].<field>}, so that a change in the
 * history names the member it concerns. Built from the values; nothing reads a path back.
 */
public final class HouseholdSnapshot {

    private HouseholdSnapshot() {
    }

    /** The history changes of a registration: every recorded field, from nothing to its value. */
    public static List<FieldChange> registration(HouseholdEntity household) {
        return Changes.between(Map.of(), of(household));
    }

    public static Map<String, Object> of(HouseholdEntity household) {
        Map<String, Object> fields = new LinkedHashMap<>(household.facts().asFields());
        fields.put("status", household.status == null ? null : household.status.name());
        fields.put("riskType", household.riskType == null ? null : household.riskType.name());
        fields.put("noticeEndsOn", household.noticeEndsOn == null ? null : household.noticeEndsOn.toString());
        for (MemberEntity member : household.currentMembers()) {
            fields.putAll(member(member.id, member.stated()));
        }
        return fields;
    }

    /** The changes of one member, named as the history names them. */
    public static List<FieldChange> memberChanges(UUID memberId, NewMember before, NewMember after) {
        return Changes.between(member(memberId, before), member(memberId, after));
    }

    private static Map<String, Object> member(UUID memberId, NewMember facts) {
        Map<String, Object> fields = new LinkedHashMap<>();
        facts.asFields().forEach((field, value) -> fields.put("members[" + memberId + "]." + field, value));
        return fields;
    }
}
