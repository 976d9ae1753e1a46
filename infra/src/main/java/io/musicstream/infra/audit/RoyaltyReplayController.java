package io.musicstream.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.royalty.RoyaltyPeriod;
import io.musicstream.command.royalty.RoyaltyRulesInForce;
import io.musicstream.events.serialization.EventJson;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Auditors (and admins) start a replay of a closed period's statements and read how it went. */
@RestController
@RequestMapping("/api/v1/audit/royalty-replays")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class RoyaltyReplayController {

    private static final String PATH = "/api/v1/audit/royalty-replays/";
    private static final int MAX_PARTY_ID = 100;

    private final ReplayJobs jobs;
    private final RoyaltyRulesInForce rules;
    private final JdbcTemplate jdbc;

    RoyaltyReplayController(ReplayJobs jobs, RoyaltyRulesInForce rules, JdbcTemplate jdbc) {
        this.jobs = jobs;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /**
     * @param partyId      one rights holder's statement only; all of the period's when absent
     * @param rulesVersion recompute under this rules version: a what-if when it is not the one the close recorded
     */
    public record ReplayRequest(String period, String partyId, Integer rulesVersion) {
    }

    /** @param head the global index the replay reads to, once it has started */
    public record Progress(long eventsRead, long position, Long head) {
    }

    public record ReplayView(UUID id, String period, String partyId, Integer rulesVersion, boolean whatIf,
                             String state, Instant requestedAt, Instant startedAt, Instant finishedAt,
                             Progress progress, ReplayReport result, String error) {

        static ReplayView of(ReplayJobs.Job job) {
            return new ReplayView(job.id(), job.period(), job.partyId(), job.rulesVersion(), job.whatIf(),
                    job.state(), job.requestedAt(), job.startedAt(), job.finishedAt(),
                    new Progress(job.eventsRead(), job.position(), job.head()), job.result(), job.error());
        }
    }

    @PostMapping
    public ResponseEntity<ReplayView> start(@RequestBody ReplayRequest request, Principal auditor) {
        List<String> faults = new ArrayList<>();
        String periodFault = request.period() == null ? "is required, a month written YYYY-MM such as 2026-11"
                : RoyaltyPeriod.periodFault(request.period());
        if (periodFault != null) {
            faults.add("period: " + periodFault);
        }
        String partyId = request.partyId();
        if (partyId != null && (partyId.isEmpty() || partyId.length() > MAX_PARTY_ID
                || partyId.chars().anyMatch(Character::isISOControl))) {
            faults.add("partyId: must be 1 to " + MAX_PARTY_ID + " characters without control characters");
        }
        Integer version = request.rulesVersion();
        if (version != null && rules.history().versions().stream().noneMatch(v -> v.version() == version)) {
            faults.add("rulesVersion: no royalty rules version " + version + " was adopted");
        }
        if (!faults.isEmpty()) {
            throw new InvalidInputException(faults);
        }
        Integer closedWith = closedWith(request.period());
        if (closedWith == null) {
            throw new ConflictException("period " + request.period()
                    + " is not closed: only a closed period has statements to replay");
        }
        boolean whatIf = version != null && !version.equals(closedWith);
        ReplayJobs.Job job = jobs.start(new RoyaltyReplay.Request(YearMonth.parse(request.period()), partyId,
                version), whatIf, auditor.getName());
        return ResponseEntity.accepted().location(URI.create(PATH + job.id())).body(ReplayView.of(job));
    }

    @GetMapping("/{id}")
    public ReplayView get(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownItemException("no royalty replay " + id);
        }
        return jobs.find(uuid).map(ReplayView::of)
                .orElseThrow(() -> new UnknownItemException("no royalty replay " + id));
    }

    /** The rules version the period's close recorded, or {@code null} when it is not closed. */
    private Integer closedWith(String period) {
        List<byte[]> closes = jdbc.queryForList("""
                        select payload from domain_event_entry where aggregate_identifier = ? and payload_type = ?
                        order by global_index limit 1""", byte[].class, period, ReplayFold.PERIOD_CLOSED);
        if (closes.isEmpty()) {
            return null;
        }
        try {
            JsonNode closed = EventJson.objectMapper().readTree(closes.get(0));
            return closed.path("rulesVersion").asInt(1);
        } catch (IOException e) {
            throw new IllegalStateException("the close of " + period + " is not readable", e);
        }
    }
}
