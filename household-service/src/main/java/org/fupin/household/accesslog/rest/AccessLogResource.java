package org.fupin.household.accesslog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.accesslog.service.AccessLogQueries;
import org.fupin.household.config.RegistryConfig;
import org.fupin.platform.listing.Csv;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/** The access log of personal data, for auditors (審計) and the county's admins. */
@Path("/api/v1/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access log", description = "Who was shown which households' personal data (个人信息查阅记录)")
@RolesAllowed({ Roles.AUDITOR, Roles.COUNTY_ADMIN })
public class AccessLogResource {

    /** Household ids shown per entry in a list; the entry alone lists them all. */
    static final int IDS_IN_LIST = 100;

    private final AccessLogQueries queries;
    private final RegistryConfig registry;
    private final Caller caller;

    public AccessLogResource(AccessLogQueries queries, RegistryConfig registry, Caller caller) {
        this.queries = queries;
        this.registry = registry;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Query the access log, the last recorded first",
            description = "Every answer that carried households' personal data (a household, a list page, an export, a "
                    + "history, an alert or signal), by callers of your region: who, when, which households, the purpose "
                    + "and the request id. Narrow by household, member (the person), caller or period. With Accept: "
                    + "text/csv the whole result streams as CSV. The log names households by id only.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<AccessLogEntryView> list(@BeanParam AccessLogFilter filter, @BeanParam PageParams page) {
        return queries.page(filter.criteria(registry.zone()), caller.scope(), page.request(), IDS_IN_LIST)
                .map(AccessLogEntryView::of);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(hidden = true)
    public Response csv(@BeanParam AccessLogFilter filter) {
        AccessLogQueries.Criteria criteria = filter.criteria(registry.zone());
        var scope = caller.scope();
        return AccessLogEntryView.CSV.response("access-log.csv",
                sink -> queries.each(criteria, scope, entry -> sink.accept(AccessLogEntryView.of(entry))));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One entry of the access log, with every household it showed")
    public AccessLogEntryView one(@PathParam("id") long id) {
        return AccessLogEntryView.of(queries.one(id, caller.scope()));
    }
}
