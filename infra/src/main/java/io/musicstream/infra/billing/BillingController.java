package io.musicstream.infra.billing;

import io.musicstream.command.account.ChangePlan;
import io.musicstream.command.account.PlanChangeResult;
import io.musicstream.command.common.InputRules;
import io.musicstream.events.account.Plan;
import io.musicstream.events.account.PlanChanged;
import io.musicstream.infra.common.Json;
import io.musicstream.infra.security.SessionStore;
import io.musicstream.projections.account.UserAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The payment provider's plan callbacks. The caller is the provider, proven by the signature of the raw body
 * under the shared secret, never by a user session. Each provider event id changes the plan at most once
 * (the account remembers the ids it applied), so the provider's retries are harmless.
 */
@RestController
class BillingController {

    static final String PATH = "/api/v1/billing/plan-events";

    private final WebhookSignature signature;
    private final UserAccounts accounts;
    private final CommandGateway commands;
    private final SessionStore sessions;
    private final Clock clock;

    BillingController(WebhookSignature signature, UserAccounts accounts, CommandGateway commands,
                      SessionStore sessions, Clock clock) {
        this.signature = signature;
        this.accounts = accounts;
        this.commands = commands;
        this.sessions = sessions;
        this.clock = clock;
    }

    record PlanEventAnswer(String eventId, String userId, Plan plan, boolean repeated) {
    }

    @PostMapping(PATH)
    @Operation(summary = "The payment provider's plan change, signed with X-Billing-Signature (no bearer token)")
    @SecurityRequirements
    PlanEventAnswer planEvent(@RequestHeader(name = WebhookSignature.HEADER, required = false) String signed,
                              @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!signature.matches(signed, raw)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, signed == null
                    ? "send " + WebhookSignature.HEADER + ": sha256=<hex HMAC-SHA256 of the body>"
                    : WebhookSignature.HEADER + " is not the body's signature under the shared secret");
        }
        PlanEvent event = read(raw);
        if (accounts.byId(event.userId()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such user: " + event.userId());
        }
        PlanChangeResult result = commands.sendAndWait(new ChangePlan(event.userId(), event.plan(),
                PlanChanged.BILLING, event.eventId(), clock.instant()));
        if (result.rolesChanged()) {
            sessions.closeAll(event.userId(), null);
        }
        return new PlanEventAnswer(event.eventId(), event.userId(), result.plan(), result.repeated());
    }

    private record PlanEvent(String eventId, String userId, Plan plan, Instant occurredAt) {
    }

    /** The body's fields, each checked; unknown fields are the provider's and are ignored. */
    private PlanEvent read(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "the body must be a JSON object {eventId, userId, plan, occurredAt}");
        }
        InputRules check = InputRules.check();
        String eventId = text(check, node, "eventId", InputRules.ID);
        String userId = text(check, node, "userId", 64);
        String planName = text(check, node, "plan", 16);
        String occurredAtText = text(check, node, "occurredAt", 64);
        Plan plan = null;
        if (planName != null) {
            plan = planName.equals(Plan.FREE.name()) ? Plan.FREE : planName.equals(Plan.PREMIUM.name()) ? Plan.PREMIUM
                    : null;
            if (plan == null) {
                check.fault("plan", "must be FREE or PREMIUM");
            }
        }
        Instant occurredAt = null;
        if (occurredAtText != null) {
            try {
                occurredAt = Instant.parse(occurredAtText);
            } catch (DateTimeParseException e) {
                check.fault("occurredAt", "must be an ISO 8601 instant such as 2026-12-01T10:15:30Z");
            }
        }
        check.orThrow();
        return new PlanEvent(eventId, userId, plan, occurredAt);
    }

    /** A required, non-blank string field within {@code max} characters, or null with a fault added. */
    private static String text(InputRules check, JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            check.fault(field, "is required");
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            check.fault(field, "must be a non-blank string");
            return null;
        }
        String fault = InputRules.textFault(value.asString(), max);
        if (fault != null) {
            check.fault(field, fault);
            return null;
        }
        return value.asString();
    }
}
