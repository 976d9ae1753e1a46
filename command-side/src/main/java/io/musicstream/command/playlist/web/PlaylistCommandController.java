package io.musicstream.command.playlist.web;

import io.musicstream.command.common.InputRules;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.RetryOnConflict;
import io.musicstream.command.playlist.AcceptInvitation;
import io.musicstream.command.playlist.AddTracksToPlaylist;
import io.musicstream.command.playlist.ChangePlaylistDetails;
import io.musicstream.command.playlist.CreatePlaylist;
import io.musicstream.command.playlist.DeclineInvitation;
import io.musicstream.command.playlist.DeletePlaylist;
import io.musicstream.command.playlist.InviteCollaborator;
import io.musicstream.command.playlist.MovePlaylistItems;
import io.musicstream.command.playlist.Playlist;
import io.musicstream.command.playlist.PlaylistTracks;
import io.musicstream.command.playlist.RemoveCollaborator;
import io.musicstream.command.playlist.RemoveTracksFromPlaylist;
import io.musicstream.command.playlist.ReplacePlaylistItems;
import io.musicstream.command.playlist.web.PlaylistRequests.AddBody;
import io.musicstream.command.playlist.web.PlaylistRequests.CreateBody;
import io.musicstream.command.playlist.web.PlaylistRequests.Created;
import io.musicstream.command.playlist.web.PlaylistRequests.DetailsBody;
import io.musicstream.command.playlist.web.PlaylistRequests.InviteBody;
import io.musicstream.command.playlist.web.PlaylistRequests.Invited;
import io.musicstream.command.playlist.web.PlaylistRequests.RemoveBody;
import io.musicstream.command.playlist.web.PlaylistRequests.ReorderOrReplaceBody;
import io.musicstream.command.playlist.web.PlaylistRequests.Snapshot;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playlist writes in Spotify's shapes. The server makes playlist and invitation ids (random UUIDs) and the
 * time; every answer that changes items or details carries the playlist's {@code snapshotId}. Track ids are
 * checked against the catalog before the command: an unknown id changes nothing.
 */
@RestController
class PlaylistCommandController {

    static final int MAX_ID = InputRules.ID;
    private static final String PLAYLISTS = "/api/v1/playlists";

    private final CommandGateway commands;
    private final PlaylistTracks tracks;
    private final Clock clock;

    PlaylistCommandController(CommandGateway commands, PlaylistTracks tracks, Clock clock) {
        this.commands = commands;
        this.tracks = tracks;
        this.clock = clock;
    }

    @PostMapping("/api/v1/me/playlists")
    public ResponseEntity<Created> create(@Valid @RequestBody CreateBody body, Principal user) {
        String id = UUID.randomUUID().toString();
        CreatePlaylist command = new CreatePlaylist(id, user.getName(), body.name(), body.description(),
                Boolean.TRUE.equals(body.isPublic()), Boolean.TRUE.equals(body.collaborative()), now());
        String snapshotId = commands.sendAndWait(command);
        return ResponseEntity.created(URI.create(PLAYLISTS + "/" + id)).body(new Created(id, snapshotId));
    }

    @PutMapping(PLAYLISTS + "/{id}")
    public Snapshot changeDetails(@PathVariable String id, @Valid @RequestBody DetailsBody body, Principal user) {
        checkIds("id", id);
        ChangePlaylistDetails command = new ChangePlaylistDetails(id, user.getName(), body.name(), body.description(),
                body.isPublic(), body.collaborative(), now());
        return new Snapshot(send(command));
    }

    @DeleteMapping(PLAYLISTS + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id, Principal user) {
        checkIds("id", id);
        RetryOnConflict.send(() -> commands.sendAndWait(new DeletePlaylist(id, user.getName(), now())));
    }

    @PostMapping(PLAYLISTS + "/{id}/items")
    @ResponseStatus(HttpStatus.CREATED)
    public Snapshot add(@PathVariable String id, @Valid @RequestBody AddBody body, Principal user) {
        checkIds("id", id);
        checkTracks(body.trackIds());
        checkText("snapshotId", body.snapshotId());
        return new Snapshot(send(new AddTracksToPlaylist(id, user.getName(), body.trackIds(), body.position(),
                body.snapshotId(), now())));
    }

    /** Removes every occurrence of {@code trackIds}, or the items at {@code positions} of {@code snapshotId}. */
    @DeleteMapping(PLAYLISTS + "/{id}/items")
    public Snapshot remove(@PathVariable String id, @Valid @RequestBody RemoveBody body, Principal user) {
        checkIds("id", id);
        if ((body.trackIds() == null) == (body.positions() == null)) {
            throw invalid("trackIds", "name either trackIds or positions, not both nor neither");
        }
        if (body.trackIds() != null) {
            checkIdTexts("trackIds", body.trackIds());
        }
        checkText("snapshotId", body.snapshotId());
        return new Snapshot(send(new RemoveTracksFromPlaylist(id, user.getName(), body.trackIds(), body.positions(),
                body.snapshotId(), now())));
    }

    /** Spotify's one endpoint: a move names {@code rangeStart} and {@code insertBefore}, a replace {@code trackIds}. */
    @PutMapping(PLAYLISTS + "/{id}/items")
    public Snapshot reorderOrReplace(@PathVariable String id, @Valid @RequestBody ReorderOrReplaceBody body,
                                     Principal user) {
        checkIds("id", id);
        boolean move = body.rangeStart() != null || body.insertBefore() != null || body.rangeLength() != null;
        if (move == (body.trackIds() != null)) {
            throw invalid("trackIds", "name either trackIds (replace) or rangeStart and insertBefore (move)");
        }
        checkText("snapshotId", body.snapshotId());
        if (!move) {
            if (body.snapshotId() != null) {
                throw invalid("snapshotId", "a replace applies to the current items; name no snapshotId");
            }
            checkTracks(body.trackIds());
            return new Snapshot(send(new ReplacePlaylistItems(id, user.getName(), body.trackIds(), now())));
        }
        if (body.rangeStart() == null || body.insertBefore() == null) {
            throw invalid("rangeStart", "a move names both rangeStart and insertBefore");
        }
        if (body.rangeLength() != null && body.rangeLength() < 1) {
            throw invalid("rangeLength", "must be at least 1");
        }
        return new Snapshot(send(new MovePlaylistItems(id, user.getName(), body.rangeStart(), body.rangeLength(),
                body.insertBefore(), body.snapshotId(), now())));
    }

    @PostMapping(PLAYLISTS + "/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    public Invited invite(@PathVariable String id, @Valid @RequestBody InviteBody body, Principal user) {
        checkIds("id", id);
        checkText("userId", body.userId());
        String invitationId = UUID.randomUUID().toString();
        Instant at = now();
        RetryOnConflict.send(() -> commands.sendAndWait(new InviteCollaborator(id, user.getName(), invitationId,
                body.userId(), at)));
        return new Invited(invitationId, at.plus(Playlist.INVITATION_LIFETIME));
    }

    @PostMapping(PLAYLISTS + "/{id}/invitations/{invitationId}/accept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void accept(@PathVariable String id, @PathVariable String invitationId, Principal user) {
        checkIds("id", id);
        checkIds("invitationId", invitationId);
        RetryOnConflict.send(() -> commands.sendAndWait(new AcceptInvitation(id, invitationId, user.getName(),
                now())));
    }

    @PostMapping(PLAYLISTS + "/{id}/invitations/{invitationId}/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void decline(@PathVariable String id, @PathVariable String invitationId, Principal user) {
        checkIds("id", id);
        checkIds("invitationId", invitationId);
        RetryOnConflict.send(() -> commands.sendAndWait(new DeclineInvitation(id, invitationId, user.getName(),
                now())));
    }

    /** The owner removes a collaborator, or the collaborator leaves. */
    @DeleteMapping(PLAYLISTS + "/{id}/collaborators/{collaboratorId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeCollaborator(@PathVariable String id, @PathVariable String collaboratorId, Principal user) {
        checkIds("id", id);
        checkIds("collaboratorId", collaboratorId);
        RetryOnConflict.send(() -> commands.sendAndWait(new RemoveCollaborator(id, user.getName(), collaboratorId,
                now())));
    }

    private String send(Object command) {
        return RetryOnConflict.send(() -> commands.sendAndWait(command));
    }

    private Instant now() {
        return clock.instant();
    }

    /** Path ids reach the event store's queries: they must be text PostgreSQL stores, within the id length. */
    private static void checkIds(String field, String value) {
        InputRules rules = InputRules.check();
        if (value.isBlank()) {
            rules.fault(field, "is required");
        }
        rules.text(field, value, MAX_ID).orThrow();
    }

    private static void checkText(String field, String value) {
        InputRules.check().text(field, value, MAX_ID).orThrow();
    }

    private static void checkIdTexts(String field, List<String> values) {
        InputRules.check().texts(field, values, MAX_ID, Playlist.MAX_ITEMS).orThrow();
    }

    /** Well-formed ids first (they reach a catalog query), then each must be a track the catalog knows. */
    private void checkTracks(List<String> trackIds) {
        checkIdTexts("trackIds", trackIds);
        Set<String> distinct = new LinkedHashSet<>(trackIds);
        Collection<String> unknown = tracks.unknown(distinct);
        if (!unknown.isEmpty()) {
            throw new InvalidCommandException(unknown.stream().limit(20)
                    .map(trackId -> "trackIds: no track " + trackId + " in the catalog").toList());
        }
    }

    private static RuntimeException invalid(String field, String message) {
        return new InvalidInputException(List.of(field + ": " + message));
    }
}
