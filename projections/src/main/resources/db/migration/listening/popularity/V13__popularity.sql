-- Popularity of tracks, albums and artists and artists' monthly listeners, from counted streams: written by
-- the `listening-popularity` processor (PopularityProjection) with its token, computed by PopularityJob.
-- Rebuilt from the event stream by a replay (the reset truncates them). kind: track | album | artist.

-- counted streams per item and UTC day of the play's start; days before the 28-day window are pruned
create table popularity_streams (
    kind    text   not null,
    item_id text   not null,
    day     date   not null,
    streams bigint not null,
    primary key (kind, item_id, day)
);

-- the last UTC day each user streamed each artist: monthly listeners
create table popularity_listener (
    artist_id text not null,
    user_id   text not null,
    last_day  date not null,
    primary key (artist_id, user_id)
);
-- monthly listeners: where artist_id = ? and last_day >= ? (an index-only range count)
create index popularity_listener_recent on popularity_listener (artist_id, last_day);

create table popularity (
    kind               text             not null,
    item_id            text             not null,
    -- counted streams ever (projection)
    streams_total      bigint           not null default 0,
    -- streams_total when the job last computed the row: they differ while the row waits for the job
    computed_total     bigint           not null default 0,
    computed_on        date,
    computed_at        timestamptz,
    -- streams of the window weighted by age (job)
    score              double precision not null default 0,
    streams_28d        bigint           not null default 0,
    popularity         smallint         not null default 0,
    monthly_listeners  bigint           not null default 0,
    -- the popularity last sent to the search index
    indexed_popularity smallint         not null default 0,
    primary key (kind, item_id)
);
-- the job's work: rows whose streams moved, rows to recompute as the window moves, rows to send to search
create index popularity_changed on popularity (kind, item_id) where streams_total <> computed_total;
create index popularity_decaying on popularity (kind, computed_on) where score > 0;
create index popularity_unindexed on popularity (kind, item_id) where popularity <> indexed_popularity;
-- the maximum score of a kind, the top of the scale
create index popularity_by_score on popularity (kind, score desc);

-- the top of each kind's scale when every popularity of the kind was last set against it
create table popularity_scale (
    kind      text             primary key,
    max_score double precision not null
);

-- browse pages read counted streams from `popularity`: the per-play counter of issue 9 is gone
alter table browse_track drop column play_count;
