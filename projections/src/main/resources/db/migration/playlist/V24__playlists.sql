-- playlists read model (projections.playlist.PlaylistProjection, processor "playlists")
create table playlist (
    playlist_id   text        primary key,
    owner_id      text        not null,
    name          text        not null,
    description   text,
    is_public     boolean     not null,
    collaborative boolean     not null,
    -- the playlist's revision (its snapshotId as a number); an event at or below it was handled already
    snapshot      bigint      not null,
    item_count    integer     not null default 0,
    deleted       boolean     not null default false,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    -- changes since a snapshot at or above this one are all in playlist_operation
    log_from      bigint      not null
);
-- GET /me/playlists: the caller's own playlists, newest first
create index playlist_by_owner on playlist (owner_id, created_at desc, playlist_id) where not deleted;

create table playlist_collaborator (
    playlist_id text        not null,
    user_id     text        not null,
    added_at    timestamptz not null,
    primary key (playlist_id, user_id)
);
-- GET /me/playlists: the playlists the caller collaborates on
create index playlist_collaborator_by_user on playlist_collaborator (user_id, playlist_id);

-- pending invitations only: an answer or an expiry deletes the row
create table playlist_invitation (
    playlist_id   text        not null,
    invitation_id text        not null,
    invitee_id    text        not null,
    invited_at    timestamptz not null,
    expires_at    timestamptz not null,
    primary key (playlist_id, invitation_id)
);
