-- the item edits of each playlist for GET /playlists/{id}/changes: the last 1,000 or so per playlist
create table playlist_operation (
    playlist_id text   not null,
    snapshot    bigint not null,
    -- {"op": "add"|"remove"|"move", "snapshotId", and the edit's positions and items}
    operation   jsonb  not null,
    primary key (playlist_id, snapshot)
);
