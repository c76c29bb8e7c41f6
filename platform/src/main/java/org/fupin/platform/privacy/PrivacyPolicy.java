package org.fupin.platform.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fupin.problem.ProblemException;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;

/**
 * The field-level privacy policy (个人信息分级展示): for each role, or role and declared purpose, how every
 * {@link PersonalField} is shown. Written as data in one file (see {@code fupin/privacy-policy.txt}) so that
 * the county can read and change it without code, and so that the README's table can be checked against it.
 *
 * <p>A row {@code role} applies to every token of that role; a row {@code role/purpose} applies to tokens of
 * that role whose {@code purpose} claim names it. A role that has purpose rows and no plain row must declare a
 * purpose (integrators, whom PIPL binds to the purpose the county granted). A role without any row sees no
 * personal field.
 */
public final class PrivacyPolicy {

    /** The claim that names an integrator's purpose (用途), as the county registered the client. */
    public static final String PURPOSE_CLAIM = "purpose";

    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern COLUMNS = Pattern.compile("\\s+");

    private final Map<String, Map<PersonalField, Disclosure>> rows;

    private PrivacyPolicy(Map<String, Map<PersonalField, Disclosure>> rows) {
        this.rows = rows;
    }

    /**
     * Reads a policy file: comment lines start with {@code #}, the first other line names the columns
     * ({@code role} and every personal field once), each further line is a role and one of full, masked or
     * omitted per field. Any mistake stops the service with the line it is on: a policy that half-applies
     * would show data nobody meant to show.
     */
    public static PrivacyPolicy parse(String text) {
        List<PersonalField> header = null;
        Map<String, Map<PersonalField, Disclosure>> rows = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = COLUMNS.split(line);
            if (header == null) {
                header = header(cells, number);
                continue;
            }
            if (cells.length != header.size() + 1) {
                throw invalid(number, "has " + cells.length + " columns, the header " + (header.size() + 1));
            }
            String key = key(cells[0], number);
            Map<PersonalField, Disclosure> row = new EnumMap<>(PersonalField.class);
            for (int i = 0; i < header.size(); i++) {
                PersonalField field = header.get(i);
                Disclosure disclosure = disclosure(cells[i + 1], number);
                if (disclosure == Disclosure.MASKED && !field.maskable()) {
                    throw invalid(number, field.column() + " has no masked form: full or omitted");
                }
                row.put(field, disclosure);
            }
            if (rows.putIfAbsent(key, Map.copyOf(row)) != null) {
                throw invalid(number, "repeats the row of " + key);
            }
        }
        if (header == null) {
            throw new IllegalArgumentException("The privacy policy has no header line.");
        }
        return new PrivacyPolicy(Collections.unmodifiableMap(rows));
    }

    /**
     * What a caller with these roles and this declared purpose may see, within its region. Refuses (403) a
     * role that must declare a purpose and did not, or declared one the county has not granted.
     */
    public FieldAccess accessFor(Collection<String> roles, Optional<String> purpose, RegionScope scope) {
        if (purpose.isPresent() && !PURPOSE.matcher(purpose.get()).matches()) {
            throw new ProblemException(403, "purpose-not-granted", "A purpose is a name the county granted: lower-case letters, "
                    + "digits and hyphens, at most 40.");
        }
        Map<PersonalField, Disclosure> combined = new EnumMap<>(PersonalField.class);
        for (PersonalField field : PersonalField.values()) {
            combined.put(field, Disclosure.OMITTED);
        }
        List<String> labels = new ArrayList<>();
        for (String role : roles) {
            Optional<String> key = rowFor(role, purpose);
            key.ifPresent(k -> {
                labels.add(k);
                rows.get(k).forEach((field, disclosure) -> combined.merge(field, disclosure, Disclosure::or));
            });
        }
        return new FieldAccess(labels.isEmpty() ? "none" : String.join(",", labels.stream().sorted().toList()),
                combined, scope);
    }

    /** The rows of the file, in its order: the README's table is checked against them. */
    public Map<String, Map<PersonalField, Disclosure>> rows() {
        return rows;
    }

    private Optional<String> rowFor(String role, Optional<String> purpose) {
        if (purpose.isPresent() && rows.containsKey(role + "/" + purpose.get())) {
            return Optional.of(role + "/" + purpose.get());
        }
        if (rows.containsKey(role)) {
            return Optional.of(role);
        }
        boolean boundToPurpose = rows.keySet().stream().anyMatch(k -> k.startsWith(role + "/"));
        if (!boundToPurpose) {
            return Optional.empty();
        }
        if (purpose.isEmpty()) {
            throw new ProblemException(403, "purpose-required", "A token of the role " + role
                    + " must name the purpose the county granted its client in the '" + PURPOSE_CLAIM + "' claim.");
        }
        throw new ProblemException(403, "purpose-not-granted", "The county has not granted the purpose '" + purpose.get()
                + "' to the role " + role + "; ask the county to register it or use a token with a granted purpose.");
    }

    private static List<PersonalField> header(String[] cells, int number) {
        if (!cells[0].equals("role")) {
            throw invalid(number, "must start with the column 'role'");
        }
        List<PersonalField> fields = new ArrayList<>();
        for (int i = 1; i < cells.length; i++) {
            String column = cells[i];
            PersonalField field = PersonalField.ofColumn(column)
                    .orElseThrow(() -> invalid(number, "names an unknown field '" + column + "'"));
            if (fields.contains(field)) {
                throw invalid(number, "names " + column + " twice");
            }
            fields.add(field);
        }
        if (fields.size() != PersonalField.values().length) {
            throw invalid(number, "must name every personal field once");
        }
        return List.copyOf(fields);
    }

    private static String key(String cell, int number) {
        String[] parts = cell.split("/", -1);
        if (!Roles.ALL.contains(parts[0])) {
            throw invalid(number, "names an unknown role '" + parts[0] + "' (roles: " + String.join(", ", Roles.ALL) + ")");
        }
        if (parts.length > 2 || parts.length == 2 && !PURPOSE.matcher(parts[1]).matches()) {
            throw invalid(number, "names a purpose that is not lower-case letters, digits and hyphens: " + cell);
        }
        return cell;
    }

    private static Disclosure disclosure(String cell, int number) {
        try {
            return Disclosure.valueOf(cell.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(number, "has '" + cell + "' where full, masked or omitted belongs");
        }
    }

    private static IllegalArgumentException invalid(int line, String what) {
        return new IllegalArgumentException("Line " + line + " of the privacy policy " + what + ".");
    }
}
