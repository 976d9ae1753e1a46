-- 1. Gap-safe sync tokens. A sync token must never pass a global index that may still commit. SyncWatermark
-- finds that bound from pg_current_snapshot(), which only sees transactions that own a transaction id; so
-- every event insert takes its transaction id (pg_current_xact_id) before it draws its global index. An
-- identity default would draw the number first, so a trigger assigns it instead. Numbers continue after
-- everything the identity ever handed out.
do $$
declare
    next_index bigint;
begin
    select greatest(coalesce((select max(global_index) from domain_event_entry), 0),
                    (select last_value from domain_event_entry_global_index_seq)) + 1
    into next_index;
    alter table domain_event_entry alter column global_index drop identity;
    create sequence domain_event_entry_global_index_seq cache 1 owned by domain_event_entry.global_index;
    perform setval('domain_event_entry_global_index_seq', next_index, false);
end
$$;

create function domain_event_entry_assign_global_index() returns trigger
    language plpgsql as
$$
begin
    perform pg_current_xact_id();
    new.global_index := nextval('domain_event_entry_global_index_seq');
    return new;
end
$$;

create trigger domain_event_entry_global_index
    before insert on domain_event_entry
    for each row execute function domain_event_entry_assign_global_index();

-- 2. Where a user listens from (UserCountryChanged), for catalog availability.
alter table user_account add column country text;

-- 3. Library and sync feed, written by the `library-sync` tracking processor (LibrarySyncProjection) in the
-- same transaction as its token. Item types are 'track', 'album', 'artist'; tokens are global indexes.

-- What each library holds now: listings (newest first) and the snapshot of a reset (by token).
create table library_item (
    user_id   text        not null,
    item_type text        not null,
    item_id   text        not null,
    saved_at  timestamptz not null,
    token     bigint      not null,
    primary key (user_id, item_type, item_id)
);
create index library_item_newest on library_item (user_id, item_type, saved_at desc, token desc);
create index library_item_by_token on library_item (user_id, token);

-- Every change, oldest first per user; removals are tombstones. The primary key covers the feed's reads.
create table sync_change (
    user_id          text        not null,
    token            bigint      not null,
    kind             text        not null,
    item_type        text        not null,
    item_id          text        not null,
    changed_at       timestamptz not null,
    client_change_id text,
    primary key (user_id, token) include (kind, item_type, item_id, changed_at, client_change_id)
);

-- Changes at or below a user's horizon were pruned (SyncRetention): older tokens get a snapshot instead.
create table sync_horizon (
    user_id text   primary key,
    token   bigint not null
);
