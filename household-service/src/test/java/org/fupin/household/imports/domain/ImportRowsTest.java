package org.fupin.household.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fupin.household.imports.ImportFiles;
import org.junit.jupiter.api.Test;

/** Grouping the rows of an import into households while streaming. */
class ImportRowsTest {

    private static final String VILLAGE = "500235100201";

    @Test
    void groupsContiguousRowsOfAHousehold() throws IOException {
        List<ImportRow> rows = rows("A", "A", "B", "C", "C", "C");

        assertThat(ImportRows.scatteredRefs(rows.iterator())).isEmpty();
        List<HouseholdRowGroup> groups = groups(rows, Set.of());
        assertThat(groups).extracting(HouseholdRowGroup::ref).containsExactly("A", "B", "C");
        assertThat(groups).extracting(group -> group.rows().size()).containsExactly(2, 1, 3);
        assertThat(groups).extracting(HouseholdRowGroup::firstRow).containsExactly(2L, 4L, 5L);
        assertThat(groups).extracting(HouseholdRowGroup::part).containsOnly(HouseholdRowGroup.Part.WHOLE);
    }

    @Test
    void findsAHouseholdWhoseRowsComeBackAfterAnotherHousehold() throws IOException {
        List<ImportRow> rows = rows("A", "A", "B", "A", "C", "B");

        Set<String> scattered = ImportRows.scatteredRefs(rows.iterator());
        assertThat(scattered).containsExactlyInAnyOrder("A", "B");
        List<HouseholdRowGroup> groups = groups(rows, scattered);
        assertThat(groups).extracting(HouseholdRowGroup::ref).containsExactly("A", "B", "A", "C", "B");
        assertThat(groups).extracting(HouseholdRowGroup::part).containsExactly(
                HouseholdRowGroup.Part.FIRST_OF_SCATTERED, HouseholdRowGroup.Part.FIRST_OF_SCATTERED,
                HouseholdRowGroup.Part.LATER_OF_SCATTERED, HouseholdRowGroup.Part.WHOLE,
                HouseholdRowGroup.Part.LATER_OF_SCATTERED);
    }

    @Test
    void makesEachRowWithoutAHouseholdRefAGroupOfItsOwn() throws IOException {
        List<HouseholdRowGroup> groups = groups(rows("A", "", "", "A"), Set.of());

        assertThat(groups).extracting(group -> group.rows().size()).containsExactly(1, 1, 1, 1);
    }

    private static List<HouseholdRowGroup> groups(List<ImportRow> rows, Set<String> scattered) {
        List<HouseholdRowGroup> groups = new ArrayList<>();
        ImportRows.groups(rows.iterator(), scattered).forEachRemaining(groups::add);
        return groups;
    }

    private static List<ImportRow> rows(String... refs) throws IOException {
        StringBuilder file = new StringBuilder(ImportFiles.header());
        for (int i = 0; i < refs.length; i++) {
            file.append(ImportFiles.line(ImportFiles.row(refs[i], VILLAGE, "张三", ImportFiles.idNumber("500236", i), "HEAD")));
        }
        return ImportCsvTest.read(file.toString());
    }
}
