package org.fupin.household.imports.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.imports.persistence.ImportJobEntity;
import org.fupin.household.imports.service.HouseholdImports;
import org.fupin.household.imports.service.ImportSpool;
import org.fupin.household.imports.service.SpooledFile;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;
import org.fupin.problem.Language;

/** Bulk registration of households from a CSV file (one row per member), as an asynchronous job. */
@Path("/api/v1/household-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Household imports", description = "Bulk registration of households from CSV (批量導入)")
public class HouseholdImportResource {

    /** How many rejected rows the job view shows; the rest are paged at .../errors. */
    static final int ERRORS_IN_VIEW = 1000;

    private final ImportSpool spool;
    private final HouseholdImports imports;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public HouseholdImportResource(ImportSpool spool, HouseholdImports imports, IdempotentRequests idempotency, Caller caller) {
        this.spool = spool;
        this.imports = imports;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes("text/csv")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Import households from CSV (批量導入)",
            description = "UTF-8 CSV (a byte order mark is accepted), header row first, one row per member. Columns: householdRef, "
                    + "villageCode, address, phone, category, causes (separated by |), primaryCause, identifiedYear, "
                    + "annualIncomePerCapita, initialStatus (POOR or MONITORED, empty = POOR), registeredOn (yyyy-MM-dd, empty = "
                    + "today), name, idNumber, relation, health, disabilityGrade (empty or 1-4), severeMentalIllness, education, "
                    + "laborCapacity, medicalInsurance, migrantWorker (booleans true/false, 是/否 or 1/0). Household columns "
                    + "repeat on each row of the household and the rows of a household are together. The same rules as "
                    + "POST /api/v1/households apply; a household with any rejected row is skipped whole, the others are "
                    + "registered. Answers 202 with the job to poll; 400 invalid-csv-header names missing or unknown columns.")
    @APIResponse(responseCode = "202", description = "Queued: poll the job at Location.",
            headers = @Header(name = "Location", description = "The job, /api/v1/household-imports/{jobId}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportAccepted.class)))
    public Response start(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = "The file's name, shown in the job.") @QueryParam("fileName") String fileName,
            @RequestBody(required = true, content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))) InputStream body) {
        SpooledFile file = spool.spool(body);
        AtomicBoolean queued = new AtomicBoolean();
        try {
            // The file's SHA-256 stands for the body: a repeat of the same file with the key replays the first job.
            return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/household-imports", file.sha256(), () -> {
                ImportJobEntity job = imports.queue(file, fileName, caller.subject(), caller.actor(), caller.scope());
                queued.set(true);
                return Response.accepted(new ImportAccepted(job.id))
                        .location(URI.create("/api/v1/household-imports/" + job.id))
                        .build();
            });
        } finally {
            if (!queued.get()) {
                spool.discard(file.path());
            }
        }
    }

    @GET
    @Path("/{jobId}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Poll an import job",
            description = "total and processed count data rows (members); succeeded and failed count households. errors lists "
                    + "the first 1,000 rejected rows in row order; errorsTruncated tells that there are more at .../errors. "
                    + "Visible to whoever started the job and to county admins.")
    public ImportJobView get(@PathParam("jobId") UUID jobId, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ImportJobEntity job = imports.get(jobId, caller.subject(), caller.hasRole(Roles.COUNTY_ADMIN), caller.scope());
        Language language = Language.fromAcceptLanguage(acceptLanguage);
        return ImportJobView.of(job, imports.firstErrors(jobId, ERRORS_IN_VIEW).stream()
                .map(error -> ImportErrorView.of(error, language))
                .toList());
    }

    @GET
    @Path("/{jobId}/errors")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "All rejected rows of an import job, in row order",
            description = "Keyset pages (limit, cursor). A job keeps at most fupin.import.max-errors rejected rows (10,000 by default).")
    public Page<ImportErrorView> errors(@PathParam("jobId") UUID jobId, @BeanParam PageParams page, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        imports.get(jobId, caller.subject(), caller.hasRole(Roles.COUNTY_ADMIN), caller.scope());
        Language language = Language.fromAcceptLanguage(acceptLanguage);
        return imports.errors(jobId, page.request()).map(error -> ImportErrorView.of(error, language));
    }
}
