package dev.governor.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * What {@code /q/openapi} says beyond what the resources declare: the two kinds of bearer
 * credential (so Swagger UI's Authorize works), and the problem+json answers every operation can
 * give, written once here rather than on each of them ({@code mp.openapi.filter} names this class).
 */
public class OpenApiDocument implements OASFilter {

    static final String AGENT_KEY = "agentKey";
    static final String USER_TOKEN = "userToken";
    private static final String PROBLEM = "Problem";

    /** Status, and what it means on any operation. */
    private static final Map<String, String> EVERY_OPERATION = Map.of(
            "401", "No credential, or one Governor does not know",
            "403", "The caller's roles do not allow this",
            "503", "An infrastructure fault (database, audit log, policy); retry after Retry-After. Never an ALLOW");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(PROBLEM, problem());
        openAPI.getComponents()
                .addSecurityScheme(AGENT_KEY, bearer("gvk_...", "An agent's own key, issued when it is registered or rotated"))
                .addSecurityScheme(USER_TOKEN, bearer("gvu_... or JWT",
                        "A Governor-local user's token, or an access token from the configured OpenID Connect provider"));
        // Either credential; which roles each operation needs is in its description and the README.
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(AGENT_KEY),
                OASFactory.createSecurityRequirement().addScheme(USER_TOKEN)));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(op -> problems(path, op)));
    }

    private static void problems(String path, Operation op) {
        if (op.getResponses() == null) op.setResponses(OASFactory.createAPIResponses());
        APIResponses responses = op.getResponses();
        if (op.getOperationId() != null && op.getOperationId().startsWith("export")) streamed(responses);
        boolean hasInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (hasInput) add(responses, "400", "The input is invalid: violations name each field");
        if (path.contains("{")) add(responses, "404", "Nothing with that id");
        if ("decide".equals(op.getOperationId())) add(responses, "429", "The agent asks faster than its rate limit; retry after Retry-After");
        EVERY_OPERATION.forEach((status, why) -> add(responses, status, why));
    }

    /** The exports answer a stream of lines, whose shape the README's section for auditors gives. */
    private static void streamed(APIResponses responses) {
        Schema lines = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        responses.addAPIResponse("200", OASFactory.createAPIResponse()
                .description("A stream: one JSON object per line (NDJSON), or RFC 4180 CSV with a header row")
                .content(OASFactory.createContent()
                        .addMediaType("application/x-ndjson", OASFactory.createMediaType().schema(lines))
                        .addMediaType("text/csv", OASFactory.createMediaType().schema(lines))));
    }

    private static SecurityScheme bearer(String format, String description) {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat(format).description(description);
    }

    /** Adds the answer, or gives the problem body to one declared without content (Quarkus adds a bare 401 and 403). */
    private static void add(APIResponses responses, String status, String description) {
        var problem = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM)));
        var declared = responses.getAPIResponse(status);
        if (declared == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problem));
        } else if (declared.getContent() == null || declared.getContent().getMediaTypes() == null
                || declared.getContent().getMediaTypes().isEmpty()) {
            declared.description(description).content(problem);
        }
    }

    /** RFC 9457, as {@link Problem} writes it. */
    private static Schema problem() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the field or parameter, e.g. action.type or steps[0].action.environment"))
                .addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem: never a stack trace")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("urn:governor:problem:<slug of the title>"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation));
    }
}
