package io.musicstream.command.playlist;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InputRules;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.NotAllowedException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.playlist.PlaylistHistory.Kind;
import io.musicstream.command.playlist.PlaylistHistory.Step;
import io.musicstream.events.playlist.CollaboratorInvited;
import io.musicstream.events.playlist.CollaboratorRemoved;
import io.musicstream.events.playlist.InvitationAccepted;
import io.musicstream.events.playlist.InvitationDeclined;
import io.musicstream.events.playlist.InvitationExpired;
import io.musicstream.events.playlist.PlaylistCreated;
import io.musicstream.events.playlist.PlaylistDeleted;
import io.musicstream.events.playlist.PlaylistDetailsChanged;
import io.musicstream.events.playlist.PlaylistItem;
import io.musicstream.events.playlist.PlaylistItemsAdded;
import io.musicstream.events.playlist.PlaylistItemsMoved;
import io.musicstream.events.playlist.PlaylistItemsRemoved;
import io.musicstream.events.playlist.PlaylistItemsReplaced;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One playlist: its details, its items in order, its collaborators and invitations. The owner does
 * everything; accepted collaborators edit the items while the playlist is collaborative. Every change to the
 * items or details makes a new revision, its {@code snapshotId}. An edit made on an older snapshot is applied
 * when the positions it names still point at the same items ({@link PlaylistHistory}), and refused with a
 * {@link SnapshotConflictException} otherwise. Cached in memory and snapshotted (Jackson, from its fields) like
 * the library, so a 10,000-item playlist is not replayed per edit.
 */
@Aggregate(snapshotTriggerDefinition = "playlistSnapshotTrigger", cache = "playlistCache")
// Snapshots of another revision are ignored (Axon's RevisionSnapshotFilter): the playlist is rebuilt from events.
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Playlist {

    public static final int MAX_ITEMS = 10_000;
    /** Most tracks one add names, and most tracks or positions one removal names. */
    public static final int MAX_TRACKS_PER_EDIT = 100;
    public static final int DESCRIPTION = 1_000;
    public static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    /** Who an expiry is recorded as made by. */
    public static final String SYSTEM = "system";

    @AggregateIdentifier
    private String playlistId;
    private String ownerId;
    private String name;
    private String description;
    private boolean isPublic;
    private boolean collaborative;
    private boolean deleted;
    private long revision;
    /** The number in the next item id: ids are never reused, so events replay to the same ids. */
    private long nextItem;
    // concrete types: a snapshot loads back into the same kinds of collections, in the same order
    @JsonSerialize(converter = ItemColumns.FromItems.class)
    @JsonDeserialize(converter = ItemColumns.ToItems.class)
    private ArrayList<PlaylistItem> items = new ArrayList<>();
    private LinkedHashSet<String> collaborators = new LinkedHashSet<>();
    private LinkedHashMap<String, Invitation> invitations = new LinkedHashMap<>();
    private PlaylistHistory history = new PlaylistHistory();

    protected Playlist() {
    }

    /** Items plus remembered removal positions: what the snapshot trigger and the cache weigh. */
    public int stateSize() {
        return items.size() + history.rememberedPositions();
    }

    /** The items in order, read-only. */
    List<PlaylistItem> items() {
        return Collections.unmodifiableList(items);
    }

    String snapshotId() {
        return Long.toString(revision);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(CreatePlaylist command) {
        InputRules rules = InputRules.check();
        required(rules, "playlistId", command.playlistId(), InputRules.ID);
        required(rules, "ownerId", command.ownerId(), InputRules.ID);
        required(rules, "name", command.name(), InputRules.NAME);
        rules.text("description", command.description(), DESCRIPTION).orThrow();
        if (ownerId != null) {
            throw new ConflictException("playlist " + command.playlistId() + " already exists");
        }
        apply(new PlaylistCreated(command.playlistId(), command.ownerId(), command.name(),
                emptyToNull(command.description()), command.isPublic(), command.collaborative(), command.at(),
                command.ownerId(), "1"));
        return snapshotId();
    }

    @CommandHandler
    String handle(ChangePlaylistDetails command) {
        InputRules rules = InputRules.check();
        required(rules, "userId", command.userId(), InputRules.ID);
        if (command.name() != null) {
            required(rules, "name", command.name(), InputRules.NAME);
        }
        rules.text("description", command.description(), DESCRIPTION).orThrow();
        requireOwner(command.userId());
        String newName = command.name() != null ? command.name() : name;
        String newDescription = command.description() != null ? emptyToNull(command.description()) : description;
        boolean newPublic = command.isPublic() != null ? command.isPublic() : isPublic;
        boolean newCollaborative = command.collaborative() != null ? command.collaborative() : collaborative;
        if (newName.equals(name) && Objects.equals(newDescription, description) && newPublic == isPublic
                && newCollaborative == collaborative) {
            return snapshotId();
        }
        apply(new PlaylistDetailsChanged(playlistId, newName, newDescription, newPublic, newCollaborative,
                command.at(), command.userId(), next()));
        return snapshotId();
    }

    @CommandHandler
    void handle(DeletePlaylist command) {
        InputRules rules = InputRules.check();
        required(rules, "userId", command.userId(), InputRules.ID);
        rules.orThrow();
        requireOwner(command.userId());
        apply(new PlaylistDeleted(playlistId, ownerId, command.at(), command.userId()));
    }

    @CommandHandler
    String handle(AddTracksToPlaylist command) {
        InputRules rules = InputRules.check();
        required(rules, "userId", command.userId(), InputRules.ID);
        trackIds(rules, command.trackIds(), MAX_TRACKS_PER_EDIT);
        if (command.trackIds() == null || command.trackIds().isEmpty()) {
            rules.fault("trackIds", "must name at least one track");
        }
        if (command.position() != null && command.position() < 0) {
            rules.fault("position", "must not be negative");
        }
        rules.text("expectedSnapshotId", command.expectedSnapshotId(), InputRules.ID).orThrow();
        requireItemEditor(command.userId());
        int count = command.trackIds().size();
        if (items.size() + count > MAX_ITEMS) {
            throw new InvalidCommandException(List.of("a playlist holds at most " + MAX_ITEMS + " items: it has "
                    + items.size() + ", adding " + count + " would make " + (items.size() + count)));
        }
        int position;
        if (command.position() == null) {
            // appending names no position: it applies to the current list whatever the snapshot
            basis(command.expectedSnapshotId(), false);
            position = items.size();
        } else {
            Basis basis = basis(command.expectedSnapshotId(), true);
            position = command.position();
            if (position > basis.size()) {
                throw new InvalidCommandException(List.of("position " + position + " is out of range: the playlist has "
                        + basis.size() + " items"));
            }
            basis.requireInsertionPoint(position);
        }
        List<PlaylistItem> added = new ArrayList<>(count);
        for (String trackId : command.trackIds()) {
            added.add(new PlaylistItem("i" + (nextItem + added.size()), trackId, command.userId(), command.at()));
        }
        apply(new PlaylistItemsAdded(playlistId, position, added, command.at(), command.userId(), next()));
        return snapshotId();
    }

    @CommandHandler
    String handle(RemoveTracksFromPlaylist command) {
        InputRules rules = InputRules.check();
        required(rules, "userId", command.userId(), InputRules.ID);
        if ((command.trackIds() == null) == (command.positions() == null)) {
            rules.fault("trackIds", "name either trackIds or positions, not both nor neither");
        }
        trackIds(rules, command.trackIds(), MAX_TRACKS_PER_EDIT);
        rules.size("positions", command.positions(), MAX_TRACKS_PER_EDIT);
        if (command.trackIds() != null && command.trackIds().isEmpty()
                || command.positions() != null && command.positions().isEmpty()) {
            rules.fault(command.trackIds() != null ? "trackIds" : "positions", "must name at least one entry");
        }
        if (command.positions() != null && command.positions().stream().anyMatch(p -> p == null || p < 0)) {
            rules.fault("positions", "must not be negative");
        }
        rules.text("expectedSnapshotId", command.expectedSnapshotId(), InputRules.ID).orThrow();
        requireItemEditor(command.userId());
        List<Integer> positions = new ArrayList<>();
        if (command.trackIds() != null) {
            // every occurrence in the current list: names no position, so the snapshot only has to exist
            basis(command.expectedSnapshotId(), false);
            Set<String> tracks = new HashSet<>(command.trackIds());
            for (int i = 0; i < items.size(); i++) {
                if (tracks.contains(items.get(i).trackId())) {
                    positions.add(i);
                }
            }
            if (positions.isEmpty()) {
                return snapshotId();
            }
        } else {
            TreeSet<Integer> distinct = new TreeSet<>(command.positions());
            if (distinct.size() < command.positions().size()) {
                throw new InvalidCommandException(List.of("positions must not repeat"));
            }
            Basis basis = basis(command.expectedSnapshotId(), true);
            if (distinct.last() >= basis.size()) {
                throw new InvalidCommandException(List.of("position " + distinct.last()
                        + " is out of range: the playlist has " + basis.size() + " items"));
            }
            for (int position : distinct) {
                basis.requireSameItemAt(position);
            }
            positions.addAll(distinct);
        }
        List<String> itemIds = positions.stream().map(p -> items.get(p).itemId()).toList();
        apply(new PlaylistItemsRemoved(playlistId, List.copyOf(positions), itemIds, command.at(), command.userId(),
                next()));
        return snapshotId();
    }

    @CommandHandler
    String handle(MovePlaylistItems command) {
        InputRules rules = InputRules.check();
        required(rules, "userId", command.userId(), InputRules.ID);
        rules.text("expectedSnapshotId", command.expectedSnapshotId(), InputRules.ID).orThrow();
        requireItemEditor(command.userId());
        int start = command.rangeStart();
        int length = command.rangeLength() == null ? 1 : command.rangeLength();
        int insertBefore = command.insertBefore();
        if (length < 1) {
            throw new InvalidCommandException(List.of("rangeLength must be at least 1, got " + length));
        }
        if (start < 0 || insertBefore < 0) {
            throw new InvalidCommandException(List.of("rangeStart and insertBefore must not be negative"));
        }
        Basis basis = basis(command.expectedSnapshotId(), true);
        if ((long) start + length > basis.size() || insertBefore > basis.size()) {
            throw new InvalidCommandException(List.of("the range " + start + ".." + ((long) start + length - 1)
                    + " and insertBefore " + insertBefore + " must lie within the playlist's " + basis.size()
                    + " items"));
        }
        for (int position = start; position < start + length; position++) {
            basis.requireSameItemAt(position);
        }
        basis.requireInsertionPoint(insertBefore);
        if (insertBefore >= start && insertBefore <= start + length) {
            // moving a range to where it stands writes nothing
            return snapshotId();
        }
        apply(new PlaylistItemsMoved(playlistId, start, length, insertBefore, command.at(), command.userId(), next()));
        return snapshotId();
    }

    @CommandHandler
    String handle(ReplacePlaylistItems command) {
        InputRules rules = InputRules.check();
        required(rules, "userId", command.userId(), InputRules.ID);
        if (command.trackIds() == null) {
            rules.fault("trackIds", "is required (empty to clear the playlist)");
        }
        trackIds(rules, command.trackIds(), MAX_ITEMS);
        rules.orThrow();
        requireItemEditor(command.userId());
        if (items.isEmpty() && command.trackIds().isEmpty()) {
            return snapshotId();
        }
        List<PlaylistItem> replacing = new ArrayList<>(command.trackIds().size());
        for (String trackId : command.trackIds()) {
            replacing.add(new PlaylistItem("i" + (nextItem + replacing.size()), trackId, command.userId(),
                    command.at()));
        }
        apply(new PlaylistItemsReplaced(playlistId, replacing, command.at(), command.userId(), next()));
        return snapshotId();
    }

    @CommandHandler
    void handle(InviteCollaborator command) {
        InputRules rules = InputRules.check();
        required(rules, "userId", command.userId(), InputRules.ID);
        required(rules, "invitationId", command.invitationId(), InputRules.ID);
        required(rules, "inviteeId", command.inviteeId(), InputRules.ID);
        rules.orThrow();
        requireOwner(command.userId());
        if (!collaborative) {
            throw new InvalidCommandException(List.of("only a collaborative playlist has collaborators"));
        }
        if (command.inviteeId().equals(ownerId)) {
            throw new InvalidCommandException(List.of("the owner cannot be invited to their own playlist"));
        }
        if (collaborators.contains(command.inviteeId())) {
            throw new InvalidCommandException(List.of(command.inviteeId() + " is already a collaborator"));
        }
        if (invitations.containsKey(command.invitationId())) {
            throw new ConflictException("invitation " + command.invitationId() + " exists already");
        }
        boolean pending = invitations.values().stream()
                .anyMatch(i -> i.inviteeId().equals(command.inviteeId()) && i.openAt(command.at()));
        if (pending) {
            throw new ConflictException(command.inviteeId() + " has a pending invitation to this playlist");
        }
        apply(new CollaboratorInvited(playlistId, command.invitationId(), command.inviteeId(),
                command.at().plus(INVITATION_LIFETIME), command.at(), command.userId()));
    }

    @CommandHandler
    void handle(AcceptInvitation command) {
        Invitation invitation = answerable(command.invitationId(), command.userId(), command.at());
        apply(new InvitationAccepted(playlistId, command.invitationId(), invitation.inviteeId(), command.at(),
                command.userId()));
    }

    @CommandHandler
    void handle(DeclineInvitation command) {
        Invitation invitation = answerable(command.invitationId(), command.userId(), command.at());
        apply(new InvitationDeclined(playlistId, command.invitationId(), invitation.inviteeId(), command.at(),
                command.userId()));
    }

    @CommandHandler
    void handle(ExpireInvitation command) {
        InputRules rules = InputRules.check();
        required(rules, "invitationId", command.invitationId(), InputRules.ID);
        rules.orThrow();
        requireExisting();
        Invitation invitation = invitations.get(command.invitationId());
        // answered or lapsed already (or never known): nothing to do, so a repeated expiry is harmless
        if (invitation == null || invitation.status() != Invitation.Status.PENDING) {
            return;
        }
        if (command.at().isBefore(invitation.expiresAt())) {
            throw new InvalidCommandException(List.of("invitation " + command.invitationId() + " lapses only at "
                    + invitation.expiresAt()));
        }
        apply(new InvitationExpired(playlistId, command.invitationId(), invitation.inviteeId(), command.at(), SYSTEM));
    }

    @CommandHandler
    void handle(RemoveCollaborator command) {
        InputRules rules = InputRules.check();
        required(rules, "userId", command.userId(), InputRules.ID);
        required(rules, "collaboratorId", command.collaboratorId(), InputRules.ID);
        rules.orThrow();
        requireExisting();
        boolean leaving = command.userId().equals(command.collaboratorId());
        if (!leaving) {
            requireOwner(command.userId());
        }
        if (!collaborators.contains(command.collaboratorId())) {
            // not (or no longer) a collaborator: nothing to remove
            return;
        }
        apply(new CollaboratorRemoved(playlistId, command.collaboratorId(), command.at(), command.userId()));
    }

    @EventSourcingHandler
    void on(PlaylistCreated event) {
        playlistId = event.playlistId();
        ownerId = event.ownerId();
        name = event.name();
        description = event.description();
        isPublic = event.isPublic();
        collaborative = event.collaborative();
        revision = Long.parseLong(event.snapshotId());
    }

    @EventSourcingHandler
    void on(PlaylistDetailsChanged event) {
        name = event.name();
        description = event.description();
        isPublic = event.isPublic();
        collaborative = event.collaborative();
        revised(event.snapshotId(), Kind.DETAILS, 0, 0, 0, null);
    }

    @EventSourcingHandler
    void on(PlaylistDeleted event) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(PlaylistItemsAdded event) {
        revised(event.snapshotId(), Kind.ADD, event.position(), event.items().size(), 0, null);
        items.addAll(event.position(), event.items());
        nextItem += event.items().size();
    }

    @EventSourcingHandler
    void on(PlaylistItemsRemoved event) {
        revised(event.snapshotId(), Kind.REMOVE, 0, 0, 0, event.positions());
        List<Integer> removed = event.positions();
        int kept = 0;
        int next = 0;
        // one pass: positions are ascending, so the rest shift down in place
        for (int i = 0; i < items.size(); i++) {
            if (next < removed.size() && removed.get(next) == i) {
                next++;
            } else {
                items.set(kept++, items.get(i));
            }
        }
        items.subList(kept, items.size()).clear();
    }

    @EventSourcingHandler
    void on(PlaylistItemsMoved event) {
        revised(event.snapshotId(), Kind.MOVE, event.rangeStart(), event.rangeLength(), event.insertBefore(), null);
        move(items, event.rangeStart(), event.rangeLength(), event.insertBefore());
    }

    @EventSourcingHandler
    void on(PlaylistItemsReplaced event) {
        revised(event.snapshotId(), Kind.REPLACE, 0, 0, 0, null);
        items = new ArrayList<>(event.items());
        nextItem += event.items().size();
    }

    @EventSourcingHandler
    void on(CollaboratorInvited event) {
        invitations.put(event.invitationId(),
                new Invitation(event.inviteeId(), event.expiresAt(), Invitation.Status.PENDING));
    }

    @EventSourcingHandler
    void on(InvitationAccepted event) {
        invitations.computeIfPresent(event.invitationId(), (id, i) -> i.with(Invitation.Status.ACCEPTED));
        collaborators.add(event.inviteeId());
    }

    @EventSourcingHandler
    void on(InvitationDeclined event) {
        invitations.computeIfPresent(event.invitationId(), (id, i) -> i.with(Invitation.Status.DECLINED));
    }

    @EventSourcingHandler
    void on(InvitationExpired event) {
        invitations.computeIfPresent(event.invitationId(), (id, i) -> i.with(Invitation.Status.EXPIRED));
    }

    @EventSourcingHandler
    void on(CollaboratorRemoved event) {
        collaborators.remove(event.collaboratorId());
    }

    /** Spotify's reorder, as devices apply it: the range goes before the item at {@code insertBefore}. */
    static <T> void move(List<T> list, int start, int length, int insertBefore) {
        List<T> range = new ArrayList<>(list.subList(start, start + length));
        list.subList(start, start + length).clear();
        list.addAll(insertBefore > start ? insertBefore - length : insertBefore, range);
    }

    private void revised(String snapshotId, Kind kind, int position, int length, int insertBefore,
                         List<Integer> removed) {
        long next = Long.parseLong(snapshotId);
        history.record(new Step(next, kind, items.size(), position, length, insertBefore, removed));
        revision = next;
    }

    private String next() {
        return Long.toString(revision + 1);
    }

    private Invitation answerable(String invitationId, String userId, Instant at) {
        InputRules rules = InputRules.check();
        required(rules, "invitationId", invitationId, InputRules.ID);
        required(rules, "userId", userId, InputRules.ID);
        rules.orThrow();
        requireExisting();
        Invitation invitation = invitations.get(invitationId);
        if (invitation == null) {
            throw new UnknownItemException("no invitation " + invitationId + " to playlist " + playlistId);
        }
        if (!invitation.inviteeId().equals(userId)) {
            throw new NotAllowedException("invitation " + invitationId + " is not addressed to " + userId);
        }
        if (invitation.status() != Invitation.Status.PENDING) {
            throw new ConflictException("invitation " + invitationId + " is "
                    + invitation.status().name().toLowerCase(Locale.ROOT) + " already");
        }
        if (!invitation.openAt(at)) {
            throw new ConflictException("invitation " + invitationId + " expired at " + invitation.expiresAt());
        }
        return invitation;
    }

    private void requireExisting() {
        if (deleted) {
            throw new UnknownItemException("playlist " + playlistId + " was deleted");
        }
    }

    private void requireOwner(String userId) {
        requireExisting();
        if (!ownerId.equals(userId)) {
            throw new NotAllowedException("only the owner of playlist " + playlistId + " may do this");
        }
    }

    /** The owner, or an accepted collaborator while the playlist is collaborative. */
    private void requireItemEditor(String userId) {
        requireExisting();
        if (!ownerId.equals(userId) && !(collaborative && collaborators.contains(userId))) {
            throw new NotAllowedException(userId + " may not edit the items of playlist " + playlistId);
        }
    }

    /**
     * The snapshot an edit was made on. An unknown or future snapshot is a conflict; so is one older than the
     * history kept, when the edit names positions that must be checked against it.
     */
    private Basis basis(String expectedSnapshotId, boolean positional) {
        if (expectedSnapshotId == null) {
            return new Basis(revision, items.size());
        }
        long snapshot;
        try {
            snapshot = Long.parseLong(expectedSnapshotId);
        } catch (NumberFormatException e) {
            throw new SnapshotConflictException("unknown snapshotId " + expectedSnapshotId, snapshotId());
        }
        if (snapshot < 1 || snapshot > revision) {
            throw new SnapshotConflictException("unknown snapshotId " + expectedSnapshotId, snapshotId());
        }
        if (snapshot == revision || !positional) {
            return new Basis(revision, items.size());
        }
        if (snapshot < history.oldest(revision)) {
            throw new SnapshotConflictException("snapshotId " + expectedSnapshotId + " is too old to rebase on",
                    snapshotId());
        }
        return new Basis(snapshot, history.sizeAt(snapshot));
    }

    /** The items' positions at the snapshot an edit was made on, checked against the current ones. */
    private final class Basis {

        private final long snapshot;
        private final int size;

        private Basis(long snapshot, int size) {
            this.snapshot = snapshot;
            this.size = size;
        }

        int size() {
            return size;
        }

        /** The item at {@code position} of the snapshot is at {@code position} now. */
        void requireSameItemAt(int position) {
            if (snapshot == revision) {
                return;
            }
            if (position >= items.size() || history.positionAt(position, snapshot) != position) {
                throw new SnapshotConflictException("position " + position + " of snapshot " + snapshot
                        + " no longer holds the same item", snapshotId());
            }
        }

        /** Before the same item as at the snapshot, or at the end when it was the end then. */
        void requireInsertionPoint(int position) {
            if (snapshot == revision) {
                return;
            }
            if (position == size) {
                if (items.size() != size) {
                    throw new SnapshotConflictException("the end of snapshot " + snapshot
                            + " is no longer the end of the playlist", snapshotId());
                }
                return;
            }
            requireSameItemAt(position);
        }
    }

    private static void required(InputRules rules, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            rules.fault(field, "is required");
        } else {
            rules.text(field, value, max);
        }
    }

    private static void trackIds(InputRules rules, List<String> trackIds, int max) {
        if (trackIds != null && trackIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            rules.fault("trackIds", "must not hold empty ids");
            return;
        }
        rules.texts("trackIds", trackIds, InputRules.ID, max);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
