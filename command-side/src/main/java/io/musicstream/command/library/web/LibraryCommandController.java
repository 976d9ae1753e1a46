package io.musicstream.command.library.web;

import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.library.ApplyOfflineLibraryChanges;
import io.musicstream.command.library.Library;
import io.musicstream.command.library.LibraryAction;
import io.musicstream.command.library.LibraryPositions;
import io.musicstream.command.library.ListenerCountries;
import io.musicstream.command.library.OfflineChangeOutcome;
import io.musicstream.command.library.OfflineLibraryChange;
import io.musicstream.command.library.RemoveFromLibrary;
import io.musicstream.command.library.SaveToLibrary;
import io.musicstream.events.library.LibraryItemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Library writes: save/remove one item or up to {@value #MAX_BULK} at once, and offline change batches.
 * Each answers with the library's {@code syncToken} after the write, which the read side accepts as
 * {@code minToken} to read its own writes. Two devices writing at the same moment conflict on the
 * aggregate's sequence; the loser is retried.
 */
@RestController
@RequestMapping("/api/v1/me/library")
public class LibraryCommandController {

    static final int MAX_BULK = Library.MAX_IDS_PER_COMMAND;
    static final int MAX_ID = 100;
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final LibraryPositions positions;
    private final ListenerCountries countries;
    private final Clock clock;

    public LibraryCommandController(CommandGateway commands, LibraryPositions positions, ListenerCountries countries,
                                    Clock clock) {
        this.commands = commands;
        this.positions = positions;
        this.countries = countries;
        this.clock = clock;
    }

    /**
     * @param syncToken the library's latest sync token after the write (pass it as {@code minToken} to read
     *                  your write; keep following the sync feed's own tokens for syncing)
     * @param changed   how many items changed; 0 when everything already was as asked
     */
    public record LibraryWrite(long syncToken, int changed) {
    }

    public record ItemIds(@NotEmpty @Size(max = MAX_BULK) List<@NotBlank @Size(max = MAX_ID) String> ids) {
    }

    @PutMapping("/{type}/{id}")
    public LibraryWrite save(@PathVariable String type, @PathVariable @NotBlank @Size(max = MAX_ID) String id,
                             Principal user) {
        return save(user.getName(), itemType(type), List.of(id));
    }

    @PutMapping("/{type}")
    public LibraryWrite saveAll(@PathVariable String type, @Valid @RequestBody ItemIds request, Principal user) {
        return save(user.getName(), itemType(type), request.ids());
    }

    @DeleteMapping("/{type}/{id}")
    public LibraryWrite remove(@PathVariable String type, @PathVariable @NotBlank @Size(max = MAX_ID) String id,
                               Principal user) {
        return remove(user.getName(), itemType(type), List.of(id));
    }

    /** Bulk removal takes the ids as {@code ?ids=a,b} or in a body like the bulk save's. */
    @DeleteMapping("/{type}")
    public LibraryWrite removeAll(@PathVariable String type,
                                  @RequestParam(required = false) @Size(min = 1, max = MAX_BULK)
                                  List<@NotBlank @Size(max = MAX_ID) String> ids,
                                  @Valid @RequestBody(required = false) ItemIds request, Principal user) {
        List<String> all = ids != null ? ids : request != null ? request.ids() : null;
        if (all == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "ids: give 1 to " + MAX_BULK + " ids, as ?ids= or {\"ids\": [...]}");
        }
        return remove(user.getName(), itemType(type), all);
    }

    private LibraryWrite save(String userId, LibraryItemType type, List<String> ids) {
        SaveToLibrary command = new SaveToLibrary(userId, type, ids, countries.countryOf(userId), clock.instant());
        int changed = withRetry(() -> commands.sendAndWait(command));
        return new LibraryWrite(positions.latestToken(userId), changed);
    }

    private LibraryWrite remove(String userId, LibraryItemType type, List<String> ids) {
        RemoveFromLibrary command = new RemoveFromLibrary(userId, type, ids, clock.instant());
        int changed = withRetry(() -> commands.sendAndWait(command));
        return new LibraryWrite(positions.latestToken(userId), changed);
    }

    public record OfflineChange(@NotBlank @Size(max = MAX_ID) String clientChangeId,
                                @NotNull @Pattern(regexp = "(?i)save|remove", message = "must be save or remove")
                                String action,
                                @NotNull @Pattern(regexp = "(?i)track|album|artist",
                                        message = "must be track, album or artist") String itemType,
                                @NotBlank @Size(max = MAX_ID) String itemId, @NotNull Instant clientTimestamp) {
    }

    /**
     * @param lastSyncToken the sync token the device had synced to when it went offline (0 if never)
     */
    public record OfflineBatch(@NotNull @PositiveOrZero Long lastSyncToken,
                               @NotEmpty @Size(max = 1_000) List<@NotNull @Valid OfflineChange> changes) {
    }

    public record OfflineResult(String clientChangeId, String status, String itemType, String itemId, boolean saved,
                                Instant changedAt, String reason) {
    }

    public record OfflineBatchResult(long syncToken, List<OfflineResult> results) {
    }

    /** Merges changes made offline; each change is applied, superseded by a later one, or rejected. */
    @PostMapping("/changes")
    public OfflineBatchResult applyOffline(@Valid @RequestBody OfflineBatch batch, Principal user) {
        String userId = user.getName();
        // action and itemType were validated as names of these constants
        List<OfflineLibraryChange> changes = batch.changes().stream().map(change -> new OfflineLibraryChange(
                change.clientChangeId(), LibraryAction.valueOf(change.action().toUpperCase(Locale.ROOT)),
                LibraryItemType.valueOf(change.itemType().toUpperCase(Locale.ROOT)), change.itemId(),
                change.clientTimestamp())).toList();
        if (batch.lastSyncToken() > 0) {
            long issued = positions.lastIssued();
            if (batch.lastSyncToken() > issued) {
                // a device claiming to have seen changes that never existed would win over real ones
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "lastSyncToken " + batch.lastSyncToken()
                        + " was never issued (the latest is " + issued + ")");
            }
        }
        long lastSeenSequence = batch.lastSyncToken() == 0 ? -1 : positions.sequenceAt(userId, batch.lastSyncToken());
        ApplyOfflineLibraryChanges command = new ApplyOfflineLibraryChanges(userId, changes, lastSeenSequence,
                countries.countryOf(userId), clock.instant());
        List<OfflineChangeOutcome> outcomes = withRetry(() -> commands.sendAndWait(command));
        return new OfflineBatchResult(positions.latestToken(userId), outcomes.stream()
                .map(o -> new OfflineResult(o.clientChangeId(), o.status().name().toLowerCase(Locale.ROOT),
                        o.itemType().wireName(), o.itemId(), o.saved(), o.changedAt(),
                        o.reason()))
                .toList());
    }

    private static <T> T withRetry(Supplier<T> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** {@code tracks}, {@code albums} or {@code artists} in paths. */
    static LibraryItemType itemType(String section) {
        return LibraryItemType.ofSection(section).orElseThrow(() -> new UnknownItemException(
                "no library section '" + section + "'; use tracks, albums or artists"));
    }
}
