-- Catalog browse read models (artist, album and track pages, new releases, genres), written by the
-- `catalog-browse` tracking processor (CatalogBrowseProjection) in the same transaction as its token.
-- They can be truncated and rebuilt from the event stream at any time. Columns are text, not varchar(n):
-- a projection must never refuse an event the command side accepted, or its processor stalls forever.

create table browse_artist (
    artist_id     text        primary key,
    name          text        not null,
    registered_at timestamptz not null
);

create table browse_release (
    release_id   text        primary key,
    upc          text        not null,
    title        text        not null,
    release_type text        not null,
    artist_ids   text[]      not null,
    label        text,
    release_date date,
    genres       text[]      not null default '{}',
    artwork_url  text,
    track_count  integer     not null default 0,
    ingested_at  timestamptz not null
);
-- new releases: order by release_date desc nulls last, release_id (limit/offset)
create index browse_release_by_date on browse_release (release_date desc nulls last, release_id);
-- an artist's releases: where artist_ids @> array[:artistId]
create index browse_release_artist_ids on browse_release using gin (artist_ids);

create table browse_track (
    track_id            text        primary key,
    release_id          text        not null,
    isrc                text        not null,
    title               text        not null,
    duration_ms         bigint      not null,
    disc_number         integer     not null,
    track_number        integer     not null,
    explicit            boolean     not null,
    -- the track's own artists, or its release's when the track names none (artists_inherited)
    artist_ids          text[]      not null,
    artists_inherited   boolean     not null default false,
    -- where the track is licensed: ISO 3166-1 alpha-2 codes, or WW for worldwide
    territories         text[]      not null,
    blocked_everywhere  boolean     not null default false,
    blocked_territories text[]      not null default '{}',
    takedown_reason     text,
    taken_down_at       timestamptz,
    play_count          bigint      not null default 0
);
-- an album's tracks in disc/track order
create index browse_track_by_release on browse_track (release_id, disc_number, track_number);
-- an artist's tracks (top tracks): where artist_ids @> array[:artistId] order by play_count desc
create index browse_track_artist_ids on browse_track using gin (artist_ids);
