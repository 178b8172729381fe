package dev.governor.asset;

import dev.governor.api.ApiException;
import dev.governor.api.PageRequest;
import dev.governor.api.Roles;
import dev.governor.policy.EnvironmentTier;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Arrays;
import java.util.List;

/**
 * The asset registry: the targets the organisation knows, with their tier, data class,
 * criticality, owner and exposure. Every human role may read it (approvers and auditors weigh
 * decisions against it); agents may not, so an agent cannot look for the targets nobody registered.
 */
@Tag(name = "Assets", description = "The registry of known targets")
@Path("/v1/assets")
@Produces(MediaType.APPLICATION_JSON)
public class AssetResource {

    private final AssetService service;
    private final AssetImports imports;

    public AssetResource(AssetService service, AssetImports imports) {
        this.service = service;
        this.imports = imports;
    }

    @Operation(operationId = "createAsset", summary = "Register an asset (its target is unique)")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ASSET_ADMIN, Roles.AGENT_ADMIN})
    public RestResponse<Asset> create(@Valid @NotNull AssetRequest body) {
        Asset asset = service.create(body);
        return RestResponse.ResponseBuilder.<Asset>created(
                UriBuilder.fromResource(AssetResource.class).path(asset.id().toString()).build()).entity(asset).build();
    }

    /** Sorted by target; {@code X-Total-Count} carries the number of matches across all pages. */
    @Operation(operationId = "listAssets", summary = "Registered assets, a page at a time")
    @GET
    @RolesAllowed(Roles.READER)
    public RestResponse<List<Asset>> list(@QueryParam("tier") String tier,
                                          @QueryParam("ownerTeam") String ownerTeam,
                                          @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        var filter = new AssetRepository.AssetFilter(tier(tier), ownerTeam);
        PageRequest paging = PageRequest.of(page, size);
        return RestResponse.ResponseBuilder.ok(service.list(filter, paging))
                .header("X-Total-Count", service.count(filter))
                .build();
    }

    @Operation(operationId = "getAsset", summary = "One asset")
    @GET
    @Path("{id}")
    @RolesAllowed(Roles.READER)
    public Asset get(@PathParam("id") String id) {
        return service.get(id);
    }

    @Operation(operationId = "replaceAsset", summary = "Replace an asset's target, tier, class, criticality, owner and exposure")
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ASSET_ADMIN, Roles.AGENT_ADMIN})
    public Asset replace(@PathParam("id") String id, @Valid @NotNull AssetRequest body) {
        return service.replace(id, body);
    }

    @Operation(operationId = "deleteAsset", summary = "Unregister an asset")
    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ASSET_ADMIN, Roles.AGENT_ADMIN})
    public RestResponse<Void> delete(@PathParam("id") String id) {
        service.delete(id);
        return RestResponse.noContent();
    }

    /**
     * A CSV file, one asset a row, under a header naming the columns target, tier, dataClass,
     * criticality, ownerTeam and optionally records, users, monetaryValue. All or nothing.
     */
    @Operation(operationId = "importAssets", summary = "Register assets from a CSV file, all or nothing")
    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed({Roles.ASSET_ADMIN, Roles.AGENT_ADMIN})
    public ImportResult importCsv(@QueryParam("mode") String mode, byte[] body) {
        return imports.importCsv(body == null ? new byte[0] : body, mode);
    }

    private static EnvironmentTier tier(String value) {
        if (value == null) return null;
        try {
            return EnvironmentTier.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("tier", "must be one of "
                    + String.join(", ", Arrays.stream(EnvironmentTier.values()).map(Enum::name).toList()));
        }
    }
}
