-- Charts (listening-charts processor and ChartBuilder). Rebuilt from the event stream by a replay; the
-- columns are text, not varchar(n), so that no play the command side accepted is refused here.

-- counted streams per UTC day, track and territory (XX: the play named none); ids compare as bytes
-- (collation C), which is cheaper for the key written at every batch and the same on every server
create table chart_stream (
    day       date   not null,
    track_id  text   collate "C" not null,
    territory text   collate "C" not null,
    streams   bigint not null,
    -- a day's counts (build), and a track's counts on a day in any or one territory (trending)
    primary key (day, track_id, territory)
);

-- the periods whose charts are built: kind is daily or weekly, period_start a day or a Monday
create table chart_period (
    kind         text        not null,
    period_start date        not null,
    built_at     timestamptz not null,
    primary key (kind, period_start)
);

-- a chart's entries; territory WW is the worldwide chart
create table chart_entry (
    kind              text    not null,
    period_start      date    not null,
    territory         text    collate "C" not null,
    position          integer not null,
    track_id          text    collate "C" not null,
    streams           bigint  not null,
    previous_position integer,
    peak_position     integer not null,
    periods_on_chart  integer not null,
    status            text    not null,
    -- a page of one chart: where kind, period_start, territory order by position
    primary key (kind, period_start, territory, position)
);
-- a track's latest earlier entry on a chart (peak, periods on chart, new or re-entry)
create index chart_entry_history on chart_entry (kind, territory, track_id, period_start);

-- the day's trending tracks per territory (WW: worldwide)
create table chart_trending (
    day        date             not null,
    territory  text             collate "C" not null,
    position   integer          not null,
    track_id   text             collate "C" not null,
    streams    bigint           not null,
    prior_mean double precision not null,
    velocity   double precision not null,
    primary key (day, territory, position)
);
