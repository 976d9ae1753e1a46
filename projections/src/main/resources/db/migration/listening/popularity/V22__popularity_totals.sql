-- Counted streams ever per item move out of `popularity` into a narrow table of their own. The projection adds to
-- them every batch; in `popularity` each add was an update of a row with five indexes, one of them partial on
-- the total itself, so no update could be HOT. Here only the primary key indexes the row, and room is left on
-- each page, so an add rewrites the row in place without touching an index.
create table popularity_total (
    kind           text   not null,
    item_id        text   not null,
    -- counted streams ever (projection)
    streams_total  bigint not null default 0,
    -- streams_total when the job last computed the item: they differ while it waits for the job
    computed_total bigint not null default 0,
    primary key (kind, item_id)
) with (fillfactor = 70);

insert into popularity_total (kind, item_id, streams_total, computed_total)
select kind, item_id, streams_total, computed_total from popularity;

drop index popularity_changed;
alter table popularity drop column streams_total, drop column computed_total;
