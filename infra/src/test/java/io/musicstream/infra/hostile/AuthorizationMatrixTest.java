package io.musicstream.infra.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.musicstream.events.account.Role;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.Releases;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, for every endpoint the application maps: anonymous callers, each role alone, and a user
 * reaching for another user's things. {@link #MATRIX} is the expected side, one row per method and path
 * pattern; an endpoint without a row, or a row without an endpoint, fails with a message naming it.
 */
class AuthorizationMatrixTest extends ApiSurfaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Role> ALL_ROLES = EnumSet.allOf(Role.class);

    /**
     * Who may call an endpoint: anonymous callers too, or only signed-in users holding one of these roles; or,
     * {@code bySignature}, only a request signed with the payment provider's secret, whoever sends it (a session
     * or a role lets nobody in: unsigned, everyone gets 401).
     */
    record Access(boolean anonymous, Set<Role> roles, boolean bySignature) {
        static final Access PUBLIC = new Access(true, ALL_ROLES);
        static final Access SIGNED_IN = new Access(false, ALL_ROLES);
        static final Access PAYMENT_PROVIDER = new Access(false, EnumSet.noneOf(Role.class), true);

        Access(boolean anonymous, Set<Role> roles) {
            this(anonymous, roles, false);
        }

        static Access anyOf(Role first, Role... more) {
            return new Access(false, EnumSet.of(first, more));
        }
    }

    /** What an endpoint acts on. */
    enum Scope {
        /** the catalog, the search index, sign-in: shared by everyone */
        SHARED,
        /** only the caller's own account, library, feed or plays, whatever the path, query or body names */
        CALLER,
        /** the user a {userId} path variable names: admins only */
        NAMED_USER
    }

    /** A harmless request: one that is allowed past security but writes nothing that matters to anyone else. */
    record Call(String method, String path, String contentType, String body, boolean endsSession, String accept) {
        RawHttp.Sent sent(String token) {
            RawHttp.Sent sent = new RawHttp.Sent(method, path, contentType,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), token);
            return accept == null ? sent : sent.withHeader("Accept", accept);
        }

        Call withPath(String other) {
            return new Call(method, other, contentType, body, endsSession, accept);
        }
    }

    record Row(String method, String pattern, Access access, Scope scope, Function<Fixture, Call> call) {
        String key() {
            return method + " " + pattern;
        }
    }

    /**
     * The catalog and the users the harmless requests point at. {@code owner} is "another user" for everyone
     * else: a listener with a saved track, album and artist, and a play.
     */
    record Fixture(Caller owner, String artistId, String releaseId, String trackId, String playId) {
    }

    static final List<Row> MATRIX = List.of(
            // sign-in: register with a taken name (409), log in as the owner
            row("POST", "/api/v1/auth/register", Access.PUBLIC, Scope.SHARED, f -> json("POST", "/api/v1/auth/register",
                    Map.of("username", f.owner().username(), "password", PASSWORD))),
            row("POST", "/api/v1/auth/login", Access.PUBLIC, Scope.SHARED, f -> json("POST", "/api/v1/auth/login",
                    Map.of("username", f.owner().username(), "password", PASSWORD))),
            row("POST", "/api/v1/auth/logout", Access.SIGNED_IN, Scope.CALLER,
                    f -> new Call("POST", "/api/v1/auth/logout", null, null, true, null)),
            // the caller's own account, library, feed and plays
            row("GET", "/api/v1/me", Access.SIGNED_IN, Scope.CALLER, f -> get("/api/v1/me")),
            row("PUT", "/api/v1/me/country", Access.SIGNED_IN, Scope.CALLER,
                    f -> json("PUT", "/api/v1/me/country", Map.of("country", "SE"))),
            // the same password again is refused (400) and changes nothing
            row("PUT", "/api/v1/me/password", Access.SIGNED_IN, Scope.CALLER,
                    f -> json("PUT", "/api/v1/me/password", Map.of("currentPassword", PASSWORD,
                            "newPassword", PASSWORD))),
            row("GET", "/api/v1/me/library/{section}", Access.SIGNED_IN, Scope.CALLER,
                    f -> get("/api/v1/me/library/tracks")),
            row("PUT", "/api/v1/me/library/{type}", Access.SIGNED_IN, Scope.CALLER,
                    f -> json("PUT", "/api/v1/me/library/tracks", Map.of("ids", List.of("no-such-track")))),
            row("DELETE", "/api/v1/me/library/{type}", Access.SIGNED_IN, Scope.CALLER,
                    f -> new Call("DELETE", "/api/v1/me/library/tracks?ids=no-such-track", null, null, false, null)),
            row("PUT", "/api/v1/me/library/{type}/{id}", Access.SIGNED_IN, Scope.CALLER,
                    f -> new Call("PUT", "/api/v1/me/library/tracks/no-such-track", null, null, false, null)),
            row("DELETE", "/api/v1/me/library/{type}/{id}", Access.SIGNED_IN, Scope.CALLER,
                    f -> new Call("DELETE", "/api/v1/me/library/tracks/no-such-track", null, null, false, null)),
            row("POST", "/api/v1/me/library/changes", Access.SIGNED_IN, Scope.CALLER,
                    f -> json("POST", "/api/v1/me/library/changes", Map.of("lastSyncToken", 0, "changes", List.of(
                            Map.of("clientChangeId", UUID.randomUUID().toString(), "action", "remove",
                                    "itemType", "track", "itemId", "no-such-track",
                                    "clientTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))))),
            // playlists: the caller's own list and new playlists; the rest acts on one playlist, whose owner and
            // collaborators the aggregate checks (a playlist that does not exist: 404, past security)
            row("GET", "/api/v1/me/playlists", Access.SIGNED_IN, Scope.CALLER, f -> get("/api/v1/me/playlists")),
            row("POST", "/api/v1/me/playlists", Access.SIGNED_IN, Scope.CALLER,
                    f -> json("POST", "/api/v1/me/playlists", Map.of("name", "Matrix"))),
            row("GET", "/api/v1/playlists/{id}", Access.SIGNED_IN, Scope.SHARED,
                    f -> get("/api/v1/playlists/no-such-playlist")),
            row("PUT", "/api/v1/playlists/{id}", Access.SIGNED_IN, Scope.SHARED,
                    f -> json("PUT", "/api/v1/playlists/no-such-playlist", Map.of("name", "Matrix"))),
            row("DELETE", "/api/v1/playlists/{id}", Access.SIGNED_IN, Scope.SHARED,
                    f -> new Call("DELETE", "/api/v1/playlists/no-such-playlist", null, null, false, null)),
            row("GET", "/api/v1/playlists/{id}/items", Access.SIGNED_IN, Scope.SHARED,
                    f -> get("/api/v1/playlists/no-such-playlist/items")),
            row("POST", "/api/v1/playlists/{id}/items", Access.SIGNED_IN, Scope.SHARED,
                    f -> json("POST", "/api/v1/playlists/no-such-playlist/items",
                            Map.of("trackIds", List.of("no-such-track")))),
            row("PUT", "/api/v1/playlists/{id}/items", Access.SIGNED_IN, Scope.SHARED,
                    f -> json("PUT", "/api/v1/playlists/no-such-playlist/items",
                            Map.of("rangeStart", 0, "insertBefore", 2))),
            row("DELETE", "/api/v1/playlists/{id}/items", Access.SIGNED_IN, Scope.SHARED,
                    f -> json("DELETE", "/api/v1/playlists/no-such-playlist/items", Map.of("positions", List.of(0)))),
            row("GET", "/api/v1/playlists/{id}/changes", Access.SIGNED_IN, Scope.SHARED,
                    f -> get("/api/v1/playlists/no-such-playlist/changes?sinceSnapshot=1")),
            row("POST", "/api/v1/playlists/{id}/invitations", Access.SIGNED_IN, Scope.SHARED,
                    f -> json("POST", "/api/v1/playlists/no-such-playlist/invitations",
                            Map.of("userId", "no-such-user"))),
            row("POST", "/api/v1/playlists/{id}/invitations/{invitationId}/accept", Access.SIGNED_IN, Scope.SHARED,
                    f -> new Call("POST", "/api/v1/playlists/no-such-playlist/invitations/no-such-invitation/accept",
                            null, null, false, null)),
            row("POST", "/api/v1/playlists/{id}/invitations/{invitationId}/decline", Access.SIGNED_IN, Scope.SHARED,
                    f -> new Call("POST", "/api/v1/playlists/no-such-playlist/invitations/no-such-invitation/decline",
                            null, null, false, null)),
            row("DELETE", "/api/v1/playlists/{id}/collaborators/{collaboratorId}", Access.SIGNED_IN, Scope.SHARED,
                    f -> new Call("DELETE", "/api/v1/playlists/no-such-playlist/collaborators/no-such-user", null,
                            null, false, null)),
            row("POST", "/api/v1/me/plays", Access.SIGNED_IN, Scope.CALLER,
                    f -> json("POST", "/api/v1/me/plays", play(UUID.randomUUID().toString(), f.trackId()))),
            row("POST", "/api/v1/me/plays/batch", Access.SIGNED_IN, Scope.CALLER,
                    f -> json("POST", "/api/v1/me/plays/batch",
                            Map.of("plays", List.of(play(UUID.randomUUID().toString(), f.trackId()))))),
            row("GET", "/api/v1/me/player/recently-played", Access.SIGNED_IN, Scope.CALLER,
                    f -> get("/api/v1/me/player/recently-played?limit=50")),
            row("GET", "/api/v1/me/heavy-rotation", Access.SIGNED_IN, Scope.CALLER,
                    f -> get("/api/v1/me/heavy-rotation?limit=50")),
            row("GET", "/api/v1/me/top/{type}", Access.SIGNED_IN, Scope.CALLER,
                    f -> get("/api/v1/me/top/tracks?range=long_term")),
            row("GET", "/api/v1/me/sync", Access.SIGNED_IN, Scope.CALLER, f -> get("/api/v1/me/sync?since=0")),
            row("GET", "/api/v1/me/sync/stream", Access.SIGNED_IN, Scope.CALLER,
                    f -> new Call("GET", "/api/v1/me/sync/stream", null, null, false, "text/event-stream")),
            // the catalog, for every signed-in user
            row("GET", "/api/v1/search", Access.SIGNED_IN, Scope.SHARED, f -> get("/api/v1/search?q=matrix")),
            row("GET", "/api/v1/search/suggest", Access.SIGNED_IN, Scope.SHARED,
                    f -> get("/api/v1/search/suggest?q=mat")),
            row("GET", "/api/v1/artists/{artistId}", Access.SIGNED_IN, Scope.SHARED,
                    f -> get("/api/v1/artists/" + f.artistId())),
            row("GET", "/api/v1/albums/{releaseId}", Access.SIGNED_IN, Scope.SHARED,
                    f -> get("/api/v1/albums/" + f.releaseId())),
            row("GET", "/api/v1/tracks/{trackId}", Access.SIGNED_IN, Scope.SHARED,
                    f -> get("/api/v1/tracks/" + f.trackId())),
            row("GET", "/api/v1/browse/new-releases", Access.SIGNED_IN, Scope.SHARED,
                    f -> get("/api/v1/browse/new-releases")),
            row("GET", "/api/v1/browse/genres", Access.SIGNED_IN, Scope.SHARED, f -> get("/api/v1/browse/genres")),
            row("GET", "/api/v1/charts/{territory}/{period}", Access.SIGNED_IN, Scope.SHARED,
                    f -> get("/api/v1/charts/global/daily")),
            row("GET", "/api/v1/charts/{territory}/trending", Access.SIGNED_IN, Scope.SHARED,
                    f -> get("/api/v1/charts/SE/trending?date=2026-01-05")),
            // catalog writes: valid bodies (validation runs before the role check) that change nothing that exists
            row("POST", "/api/v1/artists", Access.anyOf(Role.CURATOR, Role.ADMIN), Scope.SHARED,
                    f -> json("POST", "/api/v1/artists", Map.of("name", "Matrix Artist"))),
            row("POST", "/api/v1/releases", Access.anyOf(Role.CURATOR, Role.ADMIN), Scope.SHARED,
                    f -> json("POST", "/api/v1/releases", Releases.release("4" + digits(12), "Matrix",
                            "no-such-artist", List.of(Releases.track("ZZMTX" + digits(7), "Matrix", 1))))),
            row("PUT", "/api/v1/releases/{releaseId}/tracks/{trackId}", Access.anyOf(Role.CURATOR, Role.ADMIN),
                    Scope.SHARED, f -> json("PUT", "/api/v1/releases/no-such-release/tracks/no-such-track",
                            Releases.track("ZZMTX" + digits(7), "Matrix", 1))),
            row("POST", "/api/v1/releases/{releaseId}/tracks/{trackId}/takedown",
                    Access.anyOf(Role.CURATOR, Role.ADMIN), Scope.SHARED,
                    f -> json("POST", "/api/v1/releases/no-such-release/tracks/no-such-track/takedown",
                            Map.of("reason", "matrix"))),
            row("POST", "/api/v1/releases/{releaseId}/tracks/{trackId}/restore",
                    Access.anyOf(Role.CURATOR, Role.ADMIN), Scope.SHARED,
                    f -> json("POST", "/api/v1/releases/no-such-release/tracks/no-such-track/restore", Map.of())),
            // creates a playlist of the caller's, whatever the file names
            row("POST", "/api/v1/playlists/imports", Access.SIGNED_IN, Scope.CALLER,
                    f -> new Call("POST", "/api/v1/playlists/imports", "audio/x-mpegurl", "#EXTM3U\n", false,
                            "application/json")),
            row("POST", "/api/v1/catalog/imports", Access.anyOf(Role.CURATOR, Role.ADMIN), Scope.SHARED,
                    f -> new Call("POST", "/api/v1/catalog/imports", "application/x-ndjson", "", false, "*/*")),
            // streams for analysts
            row("GET", "/api/v1/analytics/streams", Access.anyOf(Role.ANALYST, Role.ADMIN), Scope.SHARED,
                    f -> get("/api/v1/analytics/streams?groupBy=track&from=2026-01-01&to=2026-01-31")),
            // royalty reads: a period with no statements and a statement never issued (404), past security
            row("GET", "/api/v1/royalties/periods/{period}/statements", Access.anyOf(Role.AUDITOR, Role.ADMIN),
                    Scope.SHARED, f -> get("/api/v1/royalties/periods/1000-01/statements")),
            row("GET", "/api/v1/royalties/periods/{period}/statements/{partyId}",
                    Access.anyOf(Role.AUDITOR, Role.ADMIN), Scope.SHARED,
                    f -> get("/api/v1/royalties/periods/1000-01/statements/no-such-party")),
            row("GET", "/api/v1/royalties/streams", Access.anyOf(Role.ANALYST, Role.AUDITOR, Role.ADMIN),
                    Scope.SHARED, f -> get("/api/v1/royalties/streams?period=1000-01")),
            // administration
            row("POST", "/api/v1/admin/search-index/rebuild", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> new Call("POST", "/api/v1/admin/search-index/rebuild", null, null, false, null)),
            row("GET", "/api/v1/admin/search-index/rebuild", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> get("/api/v1/admin/search-index/rebuild")),
            // harmless: refused by the rules aggregate (minMsPlayed below 0) once past security
            row("POST", "/api/v1/admin/stream-rules", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> json("POST", "/api/v1/admin/stream-rules", Map.of("minMsPlayed", -1,
                            "repeatWindowSeconds", 30, "effectiveFrom", Instant.now().plus(1, ChronoUnit.DAYS)
                                    .truncatedTo(ChronoUnit.SECONDS).toString()))),
            row("GET", "/api/v1/admin/stream-rules", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> get("/api/v1/admin/stream-rules")),
            // harmless: refused by the royalty aggregates (a negative minimum, a negative amount) past security
            row("POST", "/api/v1/admin/royalties/rules", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> json("POST", "/api/v1/admin/royalties/rules", Map.of("model", "PRO_RATA",
                            "minTrackStreams", -1, "userDailyCap", 0, "artistMinStreams", 1_000,
                            "artistMinListeners", 500, "artistWeight", 2, "soughtOutWeight", 2,
                            "effectiveFrom", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                                    .toString()))),
            row("GET", "/api/v1/admin/royalties/rules", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> get("/api/v1/admin/royalties/rules")),
            row("POST", "/api/v1/admin/royalties/pools", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> json("POST", "/api/v1/admin/royalties/pools", Map.of("period", "2026-11",
                            "territory", "DK", "tier", "PREMIUM", "amountMinor", -1, "currency", "DKK"))),
            // harmless: a period that has not ended is refused by the period aggregate past security
            row("POST", "/api/v1/admin/royalties/periods/{period}/close", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> new Call("POST", "/api/v1/admin/royalties/periods/9999-12/close", null, null, false, null)),
            // harmless: a period never closed is refused (409) past security; a job id nobody has (404)
            row("POST", "/api/v1/audit/royalty-replays", Access.anyOf(Role.AUDITOR, Role.ADMIN), Scope.SHARED,
                    f -> json("POST", "/api/v1/audit/royalty-replays", Map.of("period", "9999-12"))),
            row("GET", "/api/v1/audit/royalty-replays/{id}", Access.anyOf(Role.AUDITOR, Role.ADMIN), Scope.SHARED,
                    f -> get("/api/v1/audit/royalty-replays/00000000-0000-0000-0000-000000000000")),
            row("GET", "/api/v1/admin/users", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> get("/api/v1/admin/users?username=" + f.owner().username())),
            // the owner's roles as they are: nothing is recorded
            row("PUT", "/api/v1/admin/users/{userId}/roles", Access.anyOf(Role.ADMIN), Scope.NAMED_USER,
                    f -> json("PUT", "/api/v1/admin/users/" + f.owner().userId() + "/roles",
                            Map.of("roles", List.of("LISTENER")))),
            // the owner's plan as it is: nothing is recorded and no session ends
            row("PUT", "/api/v1/admin/users/{userId}/plan", Access.anyOf(Role.ADMIN), Scope.NAMED_USER,
                    f -> json("PUT", "/api/v1/admin/users/" + f.owner().userId() + "/plan", Map.of("plan", "FREE"))),
            // processors: reads of a real one, writes aimed at one that does not exist (404), so that other
            // tests' dead letters are never retried or evicted by this one
            row("GET", "/api/v1/admin/processors", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> get("/api/v1/admin/processors")),
            row("GET", "/api/v1/admin/processors/{name}", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> get("/api/v1/admin/processors/library-sync")),
            row("POST", "/api/v1/admin/processors/{name}/replay", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> new Call("POST", "/api/v1/admin/processors/no-such-processor/replay", null, null, false, null)),
            row("GET", "/api/v1/admin/processors/{name}/dead-letters", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> get("/api/v1/admin/processors/library-sync/dead-letters")),
            row("POST", "/api/v1/admin/processors/{name}/dead-letters/retry", Access.anyOf(Role.ADMIN), Scope.SHARED,
                    f -> new Call("POST", "/api/v1/admin/processors/no-such-processor/dead-letters/retry", null, null,
                            false, null)),
            row("POST", "/api/v1/admin/processors/{name}/dead-letters/{sequenceId}/retry", Access.anyOf(Role.ADMIN),
                    Scope.SHARED, f -> new Call("POST",
                            "/api/v1/admin/processors/no-such-processor/dead-letters/no-such-sequence/retry", null,
                            null, false, null)),
            row("DELETE", "/api/v1/admin/processors/{name}/dead-letters/{sequenceId}", Access.anyOf(Role.ADMIN),
                    Scope.SHARED, f -> new Call("DELETE",
                            "/api/v1/admin/processors/no-such-processor/dead-letters/no-such-sequence", null, null,
                            false, null)),
            // an unknown user: a signed call is answered 404 and changes nothing
            row("POST", "/api/v1/billing/plan-events", Access.PAYMENT_PROVIDER, Scope.SHARED,
                    f -> json("POST", "/api/v1/billing/plan-events", Map.of("eventId", "matrix-evt-1",
                            "userId", "no-such-user", "plan", "PREMIUM", "occurredAt", "2026-12-01T10:00:00Z"))),
            // Spring Boot's error page, where the servlet container forwards failures outside Spring MVC
            row("*", "/error", Access.PUBLIC, Scope.SHARED, f -> get("/error")),
            // the API's OpenAPI document and its UI, generated by springdoc
            row("GET", "/v3/api-docs", Access.PUBLIC, Scope.SHARED, f -> get("/v3/api-docs")),
            row("GET", "/v3/api-docs.yaml", Access.PUBLIC, Scope.SHARED, f -> get("/v3/api-docs.yaml")),
            row("GET", "/v3/api-docs/swagger-config", Access.PUBLIC, Scope.SHARED,
                    f -> get("/v3/api-docs/swagger-config")),
            row("GET", "/swagger-ui.html", Access.PUBLIC, Scope.SHARED, f -> get("/swagger-ui.html")),
            // last: it ends every session of the caller, the ones later rows would use included
            row("POST", "/api/v1/auth/logout-all", Access.SIGNED_IN, Scope.CALLER,
                    f -> new Call("POST", "/api/v1/auth/logout-all", null, null, true, null)));

    /**
     * Checks that fail today because of defects another part of issue 14 fixes, each with its reason. A listed
     * check that passes fails the test too, so that the entry is removed once the fix lands.
     */
    static final Map<String, String> KNOWN_FAILING = Map.of();

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> mapped = endpoints().stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = MATRIX.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> withoutRow = new TreeSet<>(mapped);
        withoutRow.removeAll(rows);
        Set<String> withoutEndpoint = new TreeSet<>(rows);
        withoutEndpoint.removeAll(mapped);
        assertThat(withoutRow).as("endpoints without a row in AuthorizationMatrixTest.MATRIX (add one saying who may "
                + "call it)").isEmpty();
        assertThat(withoutEndpoint).as("rows in AuthorizationMatrixTest.MATRIX without an endpoint (remove them)")
                .isEmpty();
        assertThat(rows).as("one row per method and pattern").hasSize(MATRIX.size());
    }

    @Test
    void theTableFollowsThePathConventions() {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            if (row.pattern().startsWith("/api/v1/admin/") && !row.access().equals(Access.anyOf(Role.ADMIN))) {
                wrong.add(row.key() + ": everything under /api/v1/admin/ is for admins only");
            }
            if (row.pattern().matches("/api/v1/me(/.*)?") && row.scope() != Scope.CALLER) {
                wrong.add(row.key() + ": everything under /api/v1/me acts on the caller only");
            }
            if (row.pattern().contains("{userId}") && (row.scope() != Scope.NAMED_USER
                    || !row.access().equals(Access.anyOf(Role.ADMIN)))) {
                wrong.add(row.key() + ": an endpoint naming a user by {userId} is for admins only");
            }
            if (row.access().anonymous() && !row.pattern().startsWith("/api/v1/auth/") && !row.pattern().equals("/error")
                    && !row.pattern().startsWith("/v3/api-docs") && !row.pattern().equals("/swagger-ui.html")) {
                wrong.add(row.key() + ": only sign-in and the API's documentation are public");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyEndpointLetsInExactlyWhoItsRowSays() {
        Fixture fixture = fixture();
        Map<Role, Caller> callers = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            callers.put(role, userWithRoles(role.name(), EnumSet.of(role)));
        }
        RawHttp http = raw();
        Checks checks = new Checks();
        boolean rebuildStarted = false;
        for (Row row : MATRIX) {
            Call call = row.call().apply(fixture);
            if (row.access().bySignature()) {
                checkBySignature(row, call, callers, http, checks);
                continue;
            }
            RawHttp.Received anonymousAnswer = http.send(call.sent(null));
            if (row.access().anonymous()) {
                checks.check(row.key() + " as anonymous", anonymousAnswer, allowed(anonymousAnswer));
            } else {
                checks.check(row.key() + " as anonymous", anonymousAnswer,
                        anonymousAnswer.status() == 401 && anonymousAnswer.isProblem());
            }
            for (Map.Entry<Role, Caller> entry : callers.entrySet()) {
                Caller caller = entry.getValue();
                boolean allowed = row.access().roles().contains(entry.getKey());
                List<Call> calls = new ArrayList<>(List.of(call));
                if (row.scope() == Scope.NAMED_USER && !allowed) {
                    // a non-admin may touch neither the owner's account nor their own through admin paths
                    calls.add(call.withPath(call.path().replace(fixture.owner().userId(), caller.userId())));
                }
                for (Call each : calls) {
                    String token = each.endsSession() ? freshSession(caller) : caller.token();
                    RawHttp.Received answer = http.send(each.sent(token));
                    String what = row.key() + " as " + entry.getKey() + " (" + each.method() + " " + each.path() + ")";
                    if (allowed) {
                        checks.check(what, answer, allowed(answer));
                        rebuildStarted |= row.pattern().equals("/api/v1/admin/search-index/rebuild")
                                && row.method().equals("POST") && answer.status() == 202;
                    } else {
                        checks.check(what, answer, answer.status() == 403 && answer.isProblem());
                    }
                }
            }
        }
        if (rebuildStarted) {
            awaitRebuild(callers.get(Role.ADMIN));
        }
        checks.verify();
    }

    /** Unsigned, anonymous and every role get a 401 problem; signed, anonymous and every role are let in. */
    private static void checkBySignature(Row row, Call call, Map<Role, Caller> callers, RawHttp http, Checks checks) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        callers.forEach((role, caller) -> tokens.put(role.name(), caller.token()));
        String signature = "sha256=" + HexFormat.of().formatHex(hmac(call.body()));
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            RawHttp.Received unsigned = http.send(call.sent(token.getValue()));
            checks.check(row.key() + " as " + token.getKey() + " unsigned", unsigned,
                    unsigned.status() == 401 && unsigned.isProblem());
            RawHttp.Received signed = http.send(call.sent(token.getValue())
                    .withHeader("X-Billing-Signature", signature));
            checks.check(row.key() + " as " + token.getKey() + " signed", signed, allowed(signed));
        }
    }

    private static byte[] hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(BILLING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** B never reads or changes A's library, feed, account or plays, whatever B puts in paths, queries or bodies. */
    @Test
    void meEndpointsActOnlyOnTheCaller() {
        Fixture fixture = fixture();
        Caller owner = fixture.owner();
        Caller other = userWithRoles("other", EnumSet.of(Role.LISTENER));
        Map<String, String> before = ownerState(owner);
        Set<String> ownersIds = Set.of(owner.userId(), owner.username(), fixture.trackId(), fixture.releaseId(),
                fixture.artistId(), fixture.playId());
        RawHttp http = raw();
        Checks checks = new Checks();

        List<Row> callerRows = MATRIX.stream().filter(r -> r.scope() == Scope.CALLER).toList();
        // reads first, so that B's own writes below cannot put A's catalog ids into B's answers
        List<Row> ordered = new ArrayList<>(callerRows.stream().filter(r -> r.method().equals("GET")).toList());
        ordered.addAll(callerRows.stream().filter(r -> !r.method().equals("GET")).toList());
        for (Row row : ordered) {
            Call call = row.call().apply(fixture);
            for (Call aimed : aimedAt(call, fixture)) {
                String token = aimed.endsSession() ? freshSession(other) : other.token();
                RawHttp.Received answer = http.send(aimed.sent(token));
                String what = "B on " + row.key() + " (" + aimed.method() + " " + aimed.path()
                        + (aimed.body() == null ? "" : " " + aimed.body()) + ")";
                checks.check(what, answer, answer.status() < 500 && answer.status() != 401
                        && (answer.status() < 400 || answer.isProblem()));
                if (row.method().equals("GET")) {
                    for (String id : ownersIds) {
                        checks.check(what + " does not show A's " + id, answer, !answer.body().contains(id));
                    }
                }
            }
        }
        // B reports a play under A's play id: it is B's play, not a duplicate of A's (a fresh session: the rows
        // above ended B's sessions)
        RawHttp.Received play = http.send(json("POST", "/api/v1/me/plays", play(fixture.playId(), fixture.trackId()))
                .sent(freshSession(other)));
        checks.check("another user's play id: POST /api/v1/me/plays", play,
                play.status() == 201 && !play.body().contains("\"duplicate\":true"));

        Map<String, String> after = ownerState(owner);
        checks.check("A's library, feed and account are unchanged", new RawHttp.Received(200, "", after.toString()),
                before.equals(after));
        checks.verify();
    }

    /**
     * The harmless call, then the same aimed at the owner: the owner's ids in every path variable and in
     * {@code userId}-like query parameters, and a body naming the owner.
     */
    private static List<Call> aimedAt(Call call, Fixture fixture) {
        String ownerId = fixture.owner().userId();
        String query = "userId=" + ownerId + "&user=" + ownerId + "&owner=" + ownerId + "&username="
                + fixture.owner().username();
        List<Call> calls = new ArrayList<>();
        calls.add(call.withPath(call.path() + (call.path().contains("?") ? "&" : "?") + query));
        for (String id : List.of(ownerId, "library:" + ownerId, fixture.trackId(), fixture.releaseId(),
                fixture.artistId())) {
            String path = call.path().replace("no-such-track", id);
            if (!path.equals(call.path())) {
                calls.add(call.withPath(path));
            }
        }
        if (call.body() != null && call.body().startsWith("{")) {
            String named = "{\"userId\":\"" + ownerId + "\"," + call.body().substring(1);
            calls.add(new Call(call.method(), call.path(), call.contentType(), named, call.endsSession(), call.accept()));
        }
        return calls;
    }

    /** What A has: library sections, the changes in A's feed, and A's account. */
    private Map<String, String> ownerState(Caller owner) {
        Map<String, String> state = new LinkedHashMap<>();
        for (String section : List.of("tracks", "albums", "artists")) {
            state.put(section, owner.client().get("/api/v1/me/library/" + section + "?limit=500").body());
        }
        JsonNode feed = owner.client().get("/api/v1/me/sync?since=0&limit=1000").json();
        state.put("feed", feed.get("changes").toString());
        JsonNode me = owner.client().get("/api/v1/me").json();
        state.put("me", me.toString());
        return state;
    }

    private Fixture fixture() {
        ApiClient admin = admin();
        String artistId = admin.post("/api/v1/artists", Map.of("name", "Matrix Owner's Artist")).json()
                .get("artistId").asText();
        ApiClient.Response release = admin.post("/api/v1/releases", Releases.release("5" + digits(12), "Owned",
                artistId, List.of(Releases.track("ZZOWN" + digits(7), "Owned Track", 1))));
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        String releaseId = release.json().get("releaseId").asText();
        String trackId = release.json().get("tracks").get(0).get("trackId").asText();
        Caller owner = userWithRoles("owner", EnumSet.of(Role.LISTENER));
        long token = 0;
        for (String save : List.of("/api/v1/me/library/tracks/" + trackId, "/api/v1/me/library/albums/" + releaseId,
                "/api/v1/me/library/artists/" + artistId)) {
            // the browse projection makes new catalog items known to library writes shortly after ingestion
            long[] written = new long[1];
            eventually(() -> {
                ApiClient.Response saved = owner.client().put(save, null);
                assertThat(saved.status()).as(save + " " + saved).isEqualTo(200);
                written[0] = saved.json().get("syncToken").asLong();
            });
            token = Math.max(token, written[0]);
        }
        String playId = UUID.randomUUID().toString();
        ApiClient.Response played = owner.client().post("/api/v1/me/plays", play(playId, trackId));
        assertThat(played.status()).as(played.toString()).isEqualTo(201);
        long caughtUp = token;
        eventually(() -> assertThat(owner.client().get("/api/v1/me/sync?since=0&minToken=" + caughtUp).status())
                .isEqualTo(200));
        return new Fixture(owner, artistId, releaseId, trackId, playId);
    }

    private void awaitRebuild(Caller admin) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode progress = admin.client().get("/api/v1/admin/search-index/rebuild").json();
            if (!"RUNNING".equals(progress.path("state").asText())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the search-index rebuild the matrix started did not finish within 60 s");
    }

    /** Let in: neither refused for want of a session or a role, nor failed on the server. */
    private static boolean allowed(RawHttp.Received answer) {
        return answer.status() != 401 && answer.status() != 403 && answer.status() < 500
                && (answer.status() < 400 || answer.isProblem());
    }

    /** Collects every failing check, so one run names them all; known failures are reported, not failed. */
    static final class Checks {
        private final List<String> failures = new ArrayList<>();
        private final Set<String> knownSeen = new TreeSet<>();

        void check(String what, RawHttp.Received answer, boolean ok) {
            String known = KNOWN_FAILING.keySet().stream().filter(what::startsWith).findFirst().orElse(null);
            if (known != null) {
                if (ok) {
                    failures.add(what + ": passes now; remove it from KNOWN_FAILING");
                } else {
                    knownSeen.add(what + " -> " + answer.describe());
                }
            } else if (!ok) {
                failures.add(what + " -> " + answer.describe());
            }
        }

        void verify() {
            knownSeen.forEach(k -> System.out.println("known failing (" + KNOWN_FAILING.entrySet().stream()
                    .filter(e -> k.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse("") + "): " + k));
            assertThat(failures).as("authorization checks that failed").isEmpty();
        }
    }

    private static Row row(String method, String pattern, Access access, Scope scope, Function<Fixture, Call> call) {
        return new Row(method, pattern, access, scope, call);
    }

    private static Call get(String path) {
        return new Call("GET", path, null, null, false, null);
    }

    private static Call json(String method, String path, Object body) {
        return new Call(method, path, "application/json", JSON.writeValueAsString(body), false, null);
    }

    private static Map<String, Object> play(String playId, String trackId) {
        return Map.of("playId", playId, "trackId", trackId, "msPlayed", 30_000,
                "startedAt", Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(ThreadLocalRandom.current().nextInt(10));
        }
        return out.toString();
    }
}
