package org.fupin.household.imports.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.imports.persistence.ImportErrorEntity;
import org.fupin.problem.Language;
import org.fupin.problem.ProblemMessages;

/** A rejected row of an import, in the caller's language. */
@Schema(name = "ImportError")
public record ImportErrorView(
        @Schema(description = "Row number as a spreadsheet shows it: the header is row 1, the first data row is row 2.") long row,
        @Schema(description = "The CSV column; null when the whole row is wrong.", nullable = true) String field,
        String code,
        String message) {

    static ImportErrorView of(ImportErrorEntity error, Language language) {
        return new ImportErrorView(error.row, error.field, error.code, ProblemMessages.message(error.code, language, error.message,
                error.params == null ? java.util.Map.of() : error.params));
    }
}
