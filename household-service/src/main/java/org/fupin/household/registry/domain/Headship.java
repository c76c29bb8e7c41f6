package org.fupin.household.registry.domain;

import java.util.Map;
import java.util.Optional;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * A household has exactly one head (戶主) at a time: a member is added as anything but head, the
 * head stays head until another member is designated (who then takes over: the previous head
 * becomes OTHER), and the head and the last member are not removed while the household goes on.
 */
public final class Headship {

    private Headship() {
    }

    /** A new member joins as anything but head: the household has one. */
    public static Optional<Violation> toAdd(NewMember member) {
        return member.relation() == Relation.HEAD
                ? Optional.of(new Violation("relation", "head-count",
                        "The household has a head; designate a new head by changing a member's relation.", Map.of("count", 2)))
                : Optional.empty();
    }

    /** The head's relation changes only by designating another head. */
    public static Optional<Violation> toChange(Relation current, Relation candidate) {
        return current == Relation.HEAD && candidate != Relation.HEAD
                ? Optional.of(new Violation("relation", "head-count",
                        "The head stays head until another member is designated head.", Map.of("count", 0)))
                : Optional.empty();
    }

    /** Whether a change makes the member the new head, so that the previous head steps back to OTHER. */
    public static boolean designatesNewHead(Relation current, Relation candidate) {
        return candidate == Relation.HEAD && current != Relation.HEAD;
    }

    /** @throws Refusal when the member is the household's last, or its head */
    public static void requireRemovable(Relation relation, int currentMembers) {
        if (currentMembers == 1) {
            throw Refusal.unprocessable("last-member",
                    "This is the household's last member; remove the household instead (REMOVE with ALL_DECEASED or MOVED_OUT).");
        }
        if (relation == Relation.HEAD) {
            throw Refusal.unprocessable("head-removal",
                    "Designate another member as head (PATCH relation HEAD) before removing the head.");
        }
    }
}
