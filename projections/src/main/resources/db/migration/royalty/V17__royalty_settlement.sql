-- Settlement of late plays (docs/royalties.md, "Settlement and late plays"): each counted stream is settled in the
-- first period at or after its own that was not closed when the play came in the event stream.

-- The `royalty` processor now runs one segment and records closes, which it never saw before: it rebuilds its
-- tables from the first event, as a replay does.
truncate royalty_track_share, royalty_usage, royalty_track_period, royalty_artist_listener, royalty_period_pool;
delete from token_entry where processor_name = 'royalty';
delete from dead_letter_entry where processing_group = 'royalty';

alter table royalty_usage add column settled_in text not null;
alter table royalty_usage drop constraint royalty_usage_pkey;
alter table royalty_usage add primary key
    (period, territory, tier, user_id, track_id, share_version, day, sought_out, settled_in);

alter table royalty_track_period add column settled_in text not null;
alter table royalty_track_period drop constraint royalty_track_period_pkey;
alter table royalty_track_period add primary key (period, track_id, settled_in);

alter table royalty_artist_listener add column settled_in text not null;
alter table royalty_artist_listener drop constraint royalty_artist_listener_pkey;
alter table royalty_artist_listener add primary key (period, artist_id, user_id, settled_in);

-- The periods closed, with the global index of their close: a play after it in the stream is late.
create table royalty_closed_period (
    period       text   not null primary key,
    closed_index bigint not null
);

-- The earlier periods with streams settled in a later one: the later one's statements adjust them.
create table royalty_late_settlement (
    settled_in text not null,
    period     text not null,
    primary key (settled_in, period)
);
