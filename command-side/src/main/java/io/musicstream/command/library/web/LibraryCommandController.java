package io.musicstream.command.library.web;

import io.musicstream.command.common.RetryOnConflict;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.library.ApplyOfflineLibraryChanges;
import io.musicstream.command.library.Library;
import io.musicstream.command.library.LibraryPositions;
import io.musicstream.command.library.ListenerCountries;
import io.musicstream.command.library.OfflineChangeOutcome;
import io.musicstream.command.library.RemoveFromLibrary;
import io.musicstream.command.library.SaveToLibrary;
import io.musicstream.events.library.LibraryItemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * aggregate's sequence; the loser is retried ({@link RetryOnConflict}).
 */
@RestController
@RequestMapping("/api/v1/me/library")
class LibraryCommandController {

    static final int MAX_BULK = Library.MAX_IDS_PER_COMMAND;
    static final int MAX_ID = 100;

    private final CommandGateway commands;
    private final LibraryPositions positions;
    private final ListenerCountries countries;
    private final Clock clock;
    private final LastSyncTokens lastSyncTokens;

    LibraryCommandController(CommandGateway commands, LibraryPositions positions, ListenerCountries countries,
                                    Clock clock) {
        this.commands = commands;
        this.positions = positions;
        this.countries = countries;
        this.clock = clock;
        this.lastSyncTokens = new LastSyncTokens(positions);
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

    /** Merges changes made offline; each change is applied, superseded by a later one, or rejected. */
    @PostMapping("/changes")
    public OfflineBatchResult applyOffline(@Valid @RequestBody OfflineBatch batch, Principal user) {
        String userId = user.getName();
        ApplyOfflineLibraryChanges command = new ApplyOfflineLibraryChanges(userId,
                batch.changes().stream().map(OfflineChange::toChange).toList(),
                lastSyncTokens.lastSeenSequence(userId, batch.lastSyncToken()), countries.countryOf(userId),
                clock.instant());
        List<OfflineChangeOutcome> outcomes = RetryOnConflict.send(() -> commands.sendAndWait(command));
        return new OfflineBatchResult(positions.latestToken(userId),
                outcomes.stream().map(OfflineResult::of).toList());
    }

    private LibraryWrite save(String userId, LibraryItemType type, List<String> ids) {
        SaveToLibrary command = new SaveToLibrary(userId, type, ids, countries.countryOf(userId), clock.instant());
        int changed = RetryOnConflict.send(() -> commands.sendAndWait(command));
        return new LibraryWrite(positions.latestToken(userId), changed);
    }

    private LibraryWrite remove(String userId, LibraryItemType type, List<String> ids) {
        RemoveFromLibrary command = new RemoveFromLibrary(userId, type, ids, clock.instant());
        int changed = RetryOnConflict.send(() -> commands.sendAndWait(command));
        return new LibraryWrite(positions.latestToken(userId), changed);
    }

    /** {@code tracks}, {@code albums} or {@code artists} in paths. */
    static LibraryItemType itemType(String section) {
        return LibraryItemType.ofSection(section).orElseThrow(() -> new UnknownItemException(
                "no library section '" + section + "'; use tracks, albums or artists"));
    }
}
