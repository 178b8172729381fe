package dev.governor.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Test-only endpoints that expose the JSON and error handling with every field type. */
@jakarta.annotation.security.PermitAll
@Path("/test-only")
@Produces(MediaType.APPLICATION_JSON)
public class StrictEchoResource {

    public record Impact(@PositiveOrZero long users, Integer records, BigDecimal monetaryValue) {
    }

    public record Action(@NotBlank String type, @NotNull @Valid Impact impact, boolean dryRun) {
    }

    public record Envelope(@NotNull @Valid Action action, List<@NotBlank String> tags, OffsetDateTime at) {
    }

    @POST
    @Path("echo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Envelope echo(@Valid @NotNull Envelope body) {
        return body;
    }

    @GET
    @Path("query")
    public String query(@QueryParam("limit") @Min(1) @Max(10) Integer limit) {
        return String.valueOf(limit);
    }

    @GET
    @Path("boom")
    public String boom() {
        throw new IllegalStateException("secret detail from dev.governor.internal.Thing");
    }

    @GET
    @Path("conflict")
    public String conflict() {
        throw ApiException.conflict("state says no");
    }
}
