/**
 * Who a test is, written where the test makes its request.
 *
 * <p>Nothing authenticates behind a test's back: a plain {@code given()} carries no credentials
 * and every protected endpoint answers it 401. A test says who calls, at each request:
 *
 * <pre>{@code
 * RegisteredAgent bot = Given.agent("fixer").owner("alice@example.com").level(ROUTINE)
 *         .environments("sandbox", "production").permissions("config:*").register();
 * TestUser carol = Given.user("carol@example.com").roles("approver").create();
 *
 * as(bot).contentType(JSON).body(Map.of("agentId", bot.id(), ...)).post("/v1/decisions");
 * as(carol).contentType(JSON).body(Map.of("approver", carol.name())).post("/v1/approvals/{id}/approve", id);
 * asAdmin().get("/v1/audit/verify");                 // the bootstrap admin of the %test profile
 * anonymous().get("/v1/agents");                     // no credentials: 401
 * as("gvk_...").get(...);                            // any raw key or token, e.g. a rotated one
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.governor.testing.Given} makes callers through the public API, as the admin.
 *       {@code Given.agent()} without an id picks a fresh random one; the defaults
 *       (AUTONOMOUS, sandbox, {@code *:*}, owner alice@example.com) are in {@code AgentSpec}.
 *       {@code Given.admin()} is the bootstrap admin as a {@link dev.governor.testing.TestUser}.</li>
 *   <li>{@link dev.governor.testing.RegisteredAgent} (id, API key) and
 *       {@link dev.governor.testing.TestUser} (name, roles, token) are records; both are a
 *       {@link dev.governor.testing.Credential}, which is what {@link dev.governor.testing.TestAuth#as}
 *       takes.</li>
 *   <li>Users cannot be deleted, and every {@code @QuarkusTest} of one profile shares one
 *       application. So {@code Given.user(name)} for a name it already created in this run gives
 *       the same user back when the roles match, and fails loudly when they do not: give a user
 *       with other roles another name. After a profile switch the database is cleaned and the
 *       user is simply created again.</li>
 *   <li>Agent ids are never reused: tests register fresh agents ({@code Given.agent()},
 *       {@code Api.registerAgent}, {@code audit.Fixtures.agent}).</li>
 *   <li>Helpers that send requests ({@code Api.decide}, {@code Api.approve},
 *       {@code audit.Fixtures.decide}) take the caller as a parameter: an agent decides for itself
 *       with its own key, an approver approves as itself and names itself in the body. A test
 *       about a caller acting for someone else builds that request itself with {@code as(...)}.</li>
 * </ul>
 */
package dev.governor.testing;
