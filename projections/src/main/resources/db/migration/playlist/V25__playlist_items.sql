-- a playlist's items in order: an edit shifts only the positions after it, in one update
create table playlist_item (
    playlist_id text        not null,
    item_id     text        not null,
    position    integer     not null,
    track_id    text        not null,
    added_by    text        not null,
    added_at    timestamptz not null,
    primary key (playlist_id, item_id)
);
-- not unique: a shift moves rows past each other within one statement
create index playlist_item_by_position on playlist_item (playlist_id, position);
