package org.fupin.household.imports.domain;

import java.util.List;

import org.fupin.household.registry.domain.NewHousehold;

/** A household of an import that passed every check of the file, with the row of each member. */
public record ImportedHousehold(NewHousehold household, long firstRow, List<Long> memberRows) {

    public ImportedHousehold {
        memberRows = List.copyOf(memberRows);
    }
}
