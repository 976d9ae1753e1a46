-- The statements read model (projections.royalty.statements, processor `royalty-statements`): issued royalty
-- statements as auditors and rights holders read them, and the indexes the royalty aggregates read needs.

-- One row per issued statement; party ids in code point order ("C"), the order the list pages by. `lines` holds
-- its lines in the canonical order as text, one per line ending with LF, fields separated by tabs (trackId, isrc,
-- territory, tier, forPeriod, streams, amountMinor, currency), so a whole statement is one row to read.
create table royalty_statement (
    period    text        not null,
    party_id  text        collate "C" not null,
    digest    text        not null,
    issued_at timestamptz not null,
    lines     text        not null,
    primary key (period, party_id)
);

-- A statement's totals, one per currency.
create table royalty_statement_total (
    period       text   not null,
    party_id     text   collate "C" not null,
    currency     text   not null,
    amount_minor bigint not null,
    streams      bigint not null,
    primary key (period, party_id, currency)
);

-- A statement's lines, numbered in the event's order (the canonical order of the digest): what the aggregates
-- read joins.
create table royalty_statement_line (
    period       text   not null,
    party_id     text   collate "C" not null,
    line_no      int    not null,
    track_id     text   not null,
    isrc         text   not null,
    territory    text   not null,
    tier         text   not null,
    for_period   text   not null,
    streams      bigint not null,
    amount_minor bigint not null,
    currency     text   not null,
    primary key (period, party_id, line_no)
);

-- The aggregates read: the lines paying a period's streams, whichever statement carries them (adjustments too).
create index royalty_statement_line_for_period
    on royalty_statement_line (for_period, track_id, party_id, territory, tier);

-- The aggregates read filtered by track, or by party through the tracks whose shares name it.
create index royalty_usage_period_track on royalty_usage (period, track_id);
create index royalty_track_share_parties on royalty_track_share using gin (party_ids);
