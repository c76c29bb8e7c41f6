package org.fupin.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The README's table of the privacy policy is the policy file, row by row, so the documentation cannot drift. */
class PrivacyPolicyReadmeTest {

    @Test
    void theReadmesTableIsTheDefaultPolicy() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("<!-- privacy-policy:begin -->"), readme.indexOf("<!-- privacy-policy:end -->"));
        List<List<String>> rows = new ArrayList<>();
        table.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| role")).forEach(line -> rows.add(
                Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList()));

        List<List<String>> expected = new ArrayList<>();
        PrivacyPolicy.parse(PrivacyPolicies.defaultText()).rows().forEach((role, disclosures) -> {
            List<String> row = new ArrayList<>(List.of(role));
            for (PersonalField field : PersonalField.values()) {
                row.add(disclosures.get(field).name().toLowerCase(Locale.ROOT));
            }
            expected.add(row);
        });
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(table).contains("| role or role/purpose | name | idNumber | phone | address | birthDate | health | disability "
                + "| mentalIllness |");
    }
}
