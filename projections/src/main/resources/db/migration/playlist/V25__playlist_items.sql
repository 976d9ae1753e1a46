-- a playlist's items in order by a sparse key: an add or a move gives only its own items keys between their new
-- neighbours' (the whole playlist is renumbered only when no key is left between them), a removal deletes rows,
-- so an edit of a 10,000-item playlist writes the items it names, never the rest
create table playlist_item (
    playlist_id text        not null,
    item_id     text        not null,
    sort_key    bigint      not null,
    track_id    text        not null,
    added_by    text        not null,
    added_at    timestamptz not null,
    primary key (playlist_id, item_id)
);
-- items by position: order by sort_key, offset and limit over this index
create index playlist_item_in_order on playlist_item (playlist_id, sort_key, item_id);
