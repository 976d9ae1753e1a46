-- The auditor's replay (docs/royalties.md, "Auditor's replay"): its jobs, and the work tables it rebuilds from
-- the raw events of the event store. The work tables are never a read model: unlogged (rebuilt by the next run,
-- not worth a WAL record per play), keyed by the job that wrote them and emptied when it ends.
create table audit_replay_job (
    id            uuid primary key,
    period        text        not null,
    party_id      text,
    rules_version integer,
    what_if       boolean     not null,
    state         text        not null,
    requested_by  text        not null,
    requested_at  timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    updated_at    timestamptz not null,
    head_index    bigint,
    position      bigint      not null default 0,
    events_read   bigint      not null default 0,
    result        text,
    error         text
);
-- one replay at a time per period: two would each rebuild the same work over the whole stream
create unique index audit_replay_job_one_per_period on audit_replay_job (period)
    where state in ('QUEUED', 'RUNNING');

-- counted streams per settlement: the period of the play, the period it was settled in, and the pool's keys
create unlogged table audit_replay_usage (
    job_id        uuid    not null,
    period        text    not null,
    territory     text    not null,
    tier          text    not null,
    settled_in    text    not null,
    user_id       text    not null,
    track_id      text    not null,
    share_version integer not null,
    day           date    not null,
    sought_out    boolean not null,
    streams       bigint  not null
);
-- appended, never updated: a key may have several rows (one per page that saw it), which the payout sums anyway;
-- no key index to maintain per play, only the pool the recomputation reads by
create index audit_replay_usage_pool on audit_replay_usage (job_id, period, territory, tier);

-- each track's rights shares over time; global_index is the event that made the version
create unlogged table audit_replay_share (
    job_id       uuid        not null,
    track_id     text        not null,
    version      integer     not null,
    valid_from   timestamptz not null,
    party_ids    text[]      not null,
    basis_points integer[]   not null,
    isrc         text,
    artist_ids   text[]      not null,
    global_index bigint      not null,
    primary key (job_id, track_id, version)
);

-- counted streams per period, settlement, artist (the play's artists) and listener: artist-centric reach
create unlogged table audit_replay_artist (
    job_id     uuid   not null,
    period     text   not null,
    settled_in text   not null,
    artist_id  text   not null,
    user_id    text   not null,
    streams    bigint not null
);
create index audit_replay_artist_period on audit_replay_artist (job_id, period);
