package org.fupin.household.accesslog.rest;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.household.accesslog.service.AccessLogQueries;
import org.fupin.platform.listing.QueryParams;
import org.fupin.security.TokenRules;

/** The filters of the access log; an unknown value is a 400, not an empty list. */
public class AccessLogFilter {

    @QueryParam("household")
    @Parameter(description = "Entries that showed this household; not with member.", schema = @Schema(format = "uuid"))
    String household;

    @QueryParam("member")
    @Parameter(description = "Entries that showed this person: the household the member belongs to; not with household. 404 "
            + "outside your region.",
            schema = @Schema(format = "uuid"))
    String member;

    @QueryParam("caller")
    @Parameter(description = "Entries of this caller: the token's subject.", schema = @Schema(maxLength = TokenRules.MAX_SUBJECT))
    String caller;

    @QueryParam("from")
    @Parameter(description = "First day, in the county's time zone (inclusive).", schema = @Schema(format = "date"))
    String from;

    @QueryParam("to")
    @Parameter(description = "Last day, in the county's time zone (inclusive); not before from.", schema = @Schema(format = "date"))
    String to;

    @QueryParam("kind")
    @Parameter(description = "RECORD, LIST, EXPORT, HISTORY, MONITORING or DUPLICATES", schema = @Schema(implementation = AccessKind.class))
    String kind;

    AccessLogQueries.Criteria criteria(ZoneId zone) {
        if (household != null && !household.isBlank() && member != null && !member.isBlank()) {
            throw QueryParams.invalid("member", "exclusive-parameters", "Give a household or a member, not both.");
        }
        if (caller != null && caller.length() > TokenRules.MAX_SUBJECT) {
            throw QueryParams.invalid("caller", "A caller's subject has at most " + TokenRules.MAX_SUBJECT + " characters.");
        }
        LocalDate first = QueryParams.date("from", from);
        LocalDate last = QueryParams.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw QueryParams.invalid("to", "period-reversed", "to must not be before from.");
        }
        return new AccessLogQueries.Criteria(
                QueryParams.uuid("household", household),
                QueryParams.uuid("member", member),
                caller == null || caller.isBlank() ? null : caller,
                first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(),
                QueryParams.enumValue(AccessKind.class, "kind", kind));
    }
}
