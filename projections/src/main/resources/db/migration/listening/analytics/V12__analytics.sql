-- Streams for analysts, written by the `listening-analytics` processor (StreamAnalyticsProjection) in the
-- same transaction as its token; truncated and rebuilt by a replay. Columns are text, not varchar(n): a
-- projection must never refuse an event the command side accepted.

-- per UTC day of the play's start, territory it counted in ('XX' when unknown), track and release
create table analytics_track_day (
    day        date   not null,
    territory  text   not null,
    track_id   text   not null,
    -- null for plays recorded before plays carried their release
    release_id text,
    -- the track's artists as the day's latest play there named them (analytics_artist_day credits each play)
    artist_ids text[] not null,
    streams    bigint not null,
    plays      bigint not null,
    ms_played  bigint not null,
    -- leads with day: every read names a range of days
    constraint analytics_track_day_key unique nulls not distinct (day, territory, track_id, release_id)
);

-- per UTC day, territory and each artist of the play
create table analytics_artist_day (
    day       date   not null,
    territory text   not null,
    artist_id text   not null,
    streams   bigint not null,
    plays     bigint not null,
    ms_played bigint not null,
    primary key (day, territory, artist_id)
);

-- Read-only SQL access for BI tools: views in schema `analytics`, readable by the NOLOGIN role
-- analytics_reader, which holds nothing else. Views run with their owner's rights, so the role needs no
-- right on the tables behind them. An operator makes a login in that role (docs/listening.md).
create schema analytics;

create view analytics.streams_by_track_day as
select d.day, d.territory, d.track_id, t.title as track_title, d.release_id, r.title as release_title,
       d.artist_ids, d.streams, d.plays, d.ms_played
from analytics_track_day d
left join browse_track t on t.track_id = d.track_id
left join browse_release r on r.release_id = d.release_id;

create view analytics.streams_by_release_day as
select d.day, d.territory, d.release_id, r.title as release_title,
       sum(d.streams)::bigint as streams, sum(d.plays)::bigint as plays, sum(d.ms_played)::bigint as ms_played
from analytics_track_day d
left join browse_release r on r.release_id = d.release_id
group by d.day, d.territory, d.release_id, r.title;

create view analytics.streams_by_artist_day as
select d.day, d.territory, d.artist_id, a.name as artist_name, d.streams, d.plays, d.ms_played
from analytics_artist_day d
left join browse_artist a on a.artist_id = d.artist_id;

create view analytics.tracks as
select track_id, title, release_id, isrc, duration_ms, explicit, artist_ids, taken_down_at
from browse_track;

create view analytics.releases as
select release_id, upc, title, release_type, artist_ids, label, release_date, genres
from browse_release;

create view analytics.artists as
select artist_id, name
from browse_artist;

-- roles are cluster-wide: another database of the cluster may have made it already
do $$
begin
    if not exists (select from pg_roles where rolname = 'analytics_reader') then
        create role analytics_reader nologin;
    end if;
exception when duplicate_object then
    null;
end
$$;

revoke all on schema analytics from public;
grant usage on schema analytics to analytics_reader;
grant select on all tables in schema analytics to analytics_reader;
