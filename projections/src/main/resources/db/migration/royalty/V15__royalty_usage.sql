-- The royalty read model (projections.royalty, processor `royalty`): what a period close needs.

-- Each track's rights shares as they were over time: a version is appended when the shares differ from the latest.
create table royalty_track_share (
    track_id     text        not null,
    version      int         not null,
    valid_from   timestamptz not null,
    party_ids    text[]      not null,
    basis_points int[]       not null,
    roles        text[]      not null,
    isrc         text,
    artist_ids   text[]      not null,
    primary key (track_id, version)
);

-- Counted streams per period, territory, tier, user, track, share version, UTC day and whether sought out.
create table royalty_usage (
    period        text    not null,
    territory     text    not null,
    tier          text    not null,
    user_id       text    not null,
    track_id      text    not null,
    share_version int     not null,
    day           date    not null,
    sought_out    boolean not null,
    streams       bigint  not null,
    primary key (period, territory, tier, user_id, track_id, share_version, day, sought_out)
);

-- Counted streams per track and period, all territories and tiers (the trailing-12-month eligibility).
create table royalty_track_period (
    period   text   not null,
    track_id text   not null,
    streams  bigint not null,
    primary key (period, track_id)
);

-- Counted streams per period, artist and listener, all territories and tiers (artist-centric weights).
create table royalty_artist_listener (
    period    text   not null,
    artist_id text   not null,
    user_id   text   not null,
    streams   bigint not null,
    primary key (period, artist_id, user_id)
);

-- The territory x tier pairs with usage in a period.
create table royalty_period_pool (
    period    text not null,
    territory text not null,
    tier      text not null,
    primary key (period, territory, tier)
);
