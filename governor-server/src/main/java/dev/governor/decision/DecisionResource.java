package dev.governor.decision;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.governor.api.ApiException;
import dev.governor.api.Roles;
import dev.governor.identity.Caller;
import dev.governor.identity.DecisionRateLimiter;
import dev.governor.identity.Throttles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

@Tag(name = "Decisions", description = "The call agents make before every step")
@Path("/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionService decisions;
    private final OutcomeService outcomes;
    private final TraceService traces;
    private final Caller caller;
    private final DecisionRateLimiter limiter;
    private final Throttles throttles;
    private final OutcomeReviews reviews;
    private final HumanActions humanActions;
    private final Reviewers reviewers;

    public DecisionResource(DecisionService decisions, OutcomeService outcomes, TraceService traces, Caller caller,
                            DecisionRateLimiter limiter, Throttles throttles, OutcomeReviews reviews,
                            HumanActions humanActions, Reviewers reviewers) {
        this.reviews = reviews;
        this.humanActions = humanActions;
        this.reviewers = reviewers;
        this.throttles = throttles;
        this.decisions = decisions;
        this.outcomes = outcomes;
        this.traces = traces;
        this.caller = caller;
        this.limiter = limiter;
    }

    /**
     * The call every agent makes before every step, with its own key only. A throttled call is
     * answered 429 before anything is evaluated, so it can never be an ALLOW; it is counted and
     * audited ({@link Throttles}).
     */
    @Operation(operationId = "decide", summary = "Ask before acting: ALLOW, REQUIRE_APPROVAL, DENY or RECOMMEND, with reasons")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    public DecisionResponse decide(@NotNull @Valid DecisionRequest body) {
        caller.requireAgent(body.agentId());
        long wait = limiter.acquire(body.agentId());
        if (wait > 0) {
            throttles.decisionRefused(body.agentId(), wait);
            throw ApiException.tooManyRequests("agent " + body.agentId() + " asks for decisions faster than"
                    + " its rate limit; retry after " + wait + "s", wait);
        }
        return decisions.decide(body);
    }

    @Operation(operationId = "getDecision", summary = "The stored decision: request, facts, response, firings and outcomes")
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.READER, Roles.AGENT})
    public DecisionRecord get(@PathParam("id") UUID id) {
        DecisionRecord record = decisions.find(id).orElseThrow(() -> ApiException.notFound("decision", id));
        caller.requireSelfIfAgent(record.agentId());
        return record;
    }

    /** The whole story of one decision for an incident review. */
    @Operation(operationId = "traceDecision", summary = "The whole story of one decision, for an incident review")
    @GET
    @Path("/{id}/trace")
    @RolesAllowed(Roles.READER)
    public DecisionTrace trace(@PathParam("id") UUID id) {
        return traces.trace(id);
    }

    /** What happened after the decision, reported by the decision's own agent; kept as history (201 each time). */
    @Operation(operationId = "reportOutcome", summary = "Report what happened after the decision (kept as history)")
    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    public Response outcome(@PathParam("id") UUID id, @NotNull @Valid OutcomeRequest body) {
        caller.requireAgent(decisions.find(id).orElseThrow(() -> ApiException.notFound("decision", id)).agentId());
        return Response.status(Response.Status.CREATED).entity(outcomes.report(id, body)).build();
    }

    /** A human (the agent's owner, an approver or admin) confirms the agent's outcome claim; 409 before any claim. */
    @Operation(operationId = "confirmOutcome", summary = "Confirm the agent's outcome claim (owner or approver)")
    @POST
    @Path("/{id}/outcome/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.READER)
    public Response confirm(@PathParam("id") UUID id, @Valid ReviewRequest body) {
        return review(id, ReviewVerdict.CONFIRMED, body);
    }

    @Operation(operationId = "disputeOutcome", summary = "Dispute the agent's outcome claim (owner or approver)")
    @POST
    @Path("/{id}/outcome/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.READER)
    public Response dispute(@PathParam("id") UUID id, @Valid ReviewRequest body) {
        return review(id, ReviewVerdict.DISPUTED, body);
    }

    /** What a human did with a RECOMMEND or REQUIRE_APPROVAL decision; 409 for other outcomes. */
    @Operation(operationId = "recordHumanAction", summary = "Record what a human did with a recommendation")
    @POST
    @Path("/{id}/human-action")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.READER)
    public Response humanAction(@PathParam("id") UUID id, @NotNull @Valid HumanActionRequest body) {
        JsonBounds.bounded("actionTaken", body.actionTaken());
        String actor = reviewers.require(agentOf(id));
        return Response.status(Response.Status.CREATED).entity(humanActions.record(id, body, actor)).build();
    }

    private Response review(UUID id, ReviewVerdict verdict, ReviewRequest body) {
        String actor = reviewers.require(agentOf(id));
        return Response.status(Response.Status.CREATED)
                .entity(reviews.review(id, verdict, actor, body == null ? null : body.comment())).build();
    }

    private String agentOf(UUID id) {
        return decisions.find(id).orElseThrow(() -> ApiException.notFound("decision", id)).agentId();
    }
}
