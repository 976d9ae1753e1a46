-- The listener's own read models, written by the `listening-me` processor (ListeningMeProjection) in the
-- same transaction as its token, from TrackPlayed events. Item types: 'track', 'album' (the play's release),
-- 'artist' (each of the play's artists), 'playlist' (the play's context when it is a playlist with an id).

-- Recently played: each user's latest 50 plays of 30 s or more (counted or not), newest first by start.
create table me_recent_play (
    user_id      text        not null,
    play_id      text        collate "C" not null,
    track_id     text        not null,
    started_at   timestamptz not null,
    context_type text,
    context_id   text,
    primary key (user_id, play_id)
);
create index me_recent_play_newest on me_recent_play (user_id, started_at desc, play_id desc);

-- Counted streams per user, item and UTC day of the play's start; kept 28 days (heavy rotation reads 14,
-- short-term top items 28). Updated in place, so room is left for updates that touch no index.
create table me_daily_stream (
    user_id        text        not null,
    item_type      text        not null,
    item_id        text        collate "C" not null,
    day            date        not null,
    streams        bigint      not null,
    last_played_at timestamptz not null,
    primary key (user_id, item_type, item_id, day)
) with (fillfactor = 80);
-- retention deletes by day; rows arrive roughly in day order, which a BRIN index keeps for little
create index me_daily_stream_day on me_daily_stream using brin (day);

-- Counted streams per user, item and ISO week (its Monday, UTC), tracks and artists; kept 26 weeks.
create table me_weekly_stream (
    user_id        text        not null,
    item_type      text        not null,
    item_id        text        collate "C" not null,
    week           date        not null,
    streams        bigint      not null,
    last_played_at timestamptz not null,
    primary key (user_id, item_type, item_id, week)
) with (fillfactor = 80);
create index me_weekly_stream_week on me_weekly_stream using brin (week);

-- Counted streams per user and item of all time, tracks and artists.
create table me_total_stream (
    user_id        text        not null,
    item_type      text        not null,
    item_id        text        collate "C" not null,
    streams        bigint      not null,
    last_played_at timestamptz not null,
    primary key (user_id, item_type, item_id)
) with (fillfactor = 80);
