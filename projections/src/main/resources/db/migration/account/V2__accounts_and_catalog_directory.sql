-- Read models written by subscribing processors in the same transaction as their events.
create table user_account (
    user_id       varchar(64)  primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(255) not null,
    roles         text[]       not null,
    registered_at timestamptz  not null
);

create table catalog_artist (
    artist_id     varchar(64)  primary key,
    name          varchar(300) not null,
    registered_at timestamptz  not null
);
