package io.musicstream.events;

import io.musicstream.events.account.Plan;
import io.musicstream.events.account.PlanChanged;
import io.musicstream.events.account.Role;
import io.musicstream.events.account.UserCountryChanged;
import io.musicstream.events.account.UserPasswordChanged;
import io.musicstream.events.account.UserRegistered;
import io.musicstream.events.account.UserRolesChanged;
import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.events.catalog.AudioFeatures;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseMetadataUpdated;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackRemovedFromRelease;
import io.musicstream.events.catalog.TrackRestored;
import io.musicstream.events.catalog.TrackTakenDown;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.events.playback.EndReason;
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
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.StreamRulesAdopted;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RevenuePoolDeclared;
import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.royalty.StatementLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One fully populated instance of every event, the input of the golden JSON test. */
final class EventSamples {

    static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");

    static final TrackSpec TRACK = new TrackSpec("t-1", "ISA019900001", "Svefn-g-englar", 604_000, 1, 2, false,
            List.of("a-1"), new AudioFeatures(118.5, 0.35, 0.12, 0.21, 0.44, 0.83, -14.2), List.of("WW"),
            List.of(new RightsShare("p-1", "FatCat Records", RightsRole.RECORDING_OWNER, 7_000),
                    new RightsShare("p-2", "Universal Music Publishing", RightsRole.PUBLISHER, 3_000)));

    private EventSamples() {
    }

    static Map<Class<?>, Object> all() {
        return Stream.of(
                new UserRegistered("u-1", "ada", "$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA",
                        new LinkedHashSet<>(List.of(Role.LISTENER, Role.PREMIUM)), AT),
                new ArtistRegistered("a-1", "Sigur Rós", AT),
                new ReleaseIngested("r-1", "00602547924971", "Ágætis byrjun", ReleaseType.ALBUM,
                        List.of("a-1"), "FatCat", LocalDate.of(1999, 6, 12), List.of("post-rock"),
                        "https://img.example/r-1.jpg",
                        List.of(TRACK), AT),
                new TrackPlayed("p-1", "u-1", "t-1", AT, 183_000, "phone-1", "IS", "IS", "r-1", List.of("a-1", "a-2"), EndReason.TRACK_DONE,
                        new PlayContext(PlayContext.Type.PLAYLIST, "pl-1"), true, true, 2, Plan.PREMIUM),
                new StreamRulesAdopted(2, 31_000, 60_000, AT, "admin-1"),
                new TrackMetadataUpdated("r-1", TRACK, AT),
                new TrackTakenDown("r-1", "t-1", List.of("DK", "NO"), "licence dispute", AT),
                new TrackRestored("r-1", "t-1", List.of("NO"), AT),
                new ReleaseMetadataUpdated("r-1", "Ágætis byrjun (Deluxe)",
                        ReleaseType.ALBUM, List.of("a-1"), "FatCat", LocalDate.of(1999, 6, 12),
                        List.of("post-rock", "ambient"), null, AT),
                new TrackAddedToRelease("r-1", TRACK, AT),
                new TrackRemovedFromRelease("r-1", "t-1", AT),
                new UserCountryChanged("u-1", "IS", AT),
                new UserPasswordChanged("u-1", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", AT),
                new UserRolesChanged("u-1", new LinkedHashSet<>(List.of(Role.LISTENER, Role.CURATOR)), "u-0", AT),
                new PlanChanged("u-1", Plan.PREMIUM, PlanChanged.BILLING, "evt-1", AT),
                new ItemSavedToLibrary("u-1", LibraryItemType.TRACK, "t-1", AT, null),
                new ItemRemovedFromLibrary("u-1", LibraryItemType.ALBUM, "r-1", AT, "c-1"),
                new RoyaltyRulesAdopted(2, PayoutModel.ARTIST_CENTRIC, 1_000, 1_000, 1_000, 500, 2, 2, AT, "admin-1"),
                new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 1_000_000, "DKK", AT, "admin-1"),
                new RoyaltyPeriodClosed("2026-11", 2, AT, "admin-1"),
                new RoyaltyStatementIssued("2026-11", "p-1", List.of(
                        new StatementLine("t-1", "ISA019900001", "DK", Plan.PREMIUM, "2026-11", 600, 360_000, "DKK"),
                        new StatementLine("t-1", "ISA019900001", "DK", Plan.PREMIUM, "2026-10", 3, -12, "DKK")),
                        List.of(new CurrencyTotal("DKK", 359_988, 603)),
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", AT),
                new PlaylistCreated("pl-1", "u-1", "Morning", null, true, false, AT, "u-1", "1"),
                new PlaylistDetailsChanged("pl-1", "Mornings", "Slow starts", false, true, AT, "u-1", "2"),
                new PlaylistDeleted("pl-1", "u-1", AT, "u-1"),
                new PlaylistItemsAdded("pl-1", 0, List.of(new PlaylistItem("i0", "t-1", "u-1", AT),
                        new PlaylistItem("i1", "t-1", "u-1", AT)), AT, "u-1", "3"),
                new PlaylistItemsRemoved("pl-1", List.of(0, 2), List.of("i0", "i2"), AT, "u-2", "4"),
                new PlaylistItemsMoved("pl-1", 0, 2, 5, AT, "u-2", "5"),
                new PlaylistItemsReplaced("pl-1", List.of(new PlaylistItem("i7", "t-2", "u-1", AT)), AT, "u-1", "6"),
                new CollaboratorInvited("pl-1", "inv-1", "u-2", AT.plusSeconds(7 * 86_400), AT, "u-1"),
                new InvitationAccepted("pl-1", "inv-1", "u-2", AT, "u-2"),
                new InvitationDeclined("pl-1", "inv-2", "u-3", AT, "u-3"),
                new InvitationExpired("pl-1", "inv-3", "u-4", AT, "system"),
                new CollaboratorRemoved("pl-1", "u-2", AT, "u-1"))
                .collect(Collectors.toMap(Object::getClass, Function.identity()));
    }
}
