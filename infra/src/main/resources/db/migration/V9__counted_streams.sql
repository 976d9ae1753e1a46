-- The start of each user's latest counted play of each track, which the repeat window of the stream rules
-- is checked against. Command-side state, not a read model: written in the transaction that stores the play,
-- and its row lock keeps two plays of the same user and track from both counting.
create table counted_stream (
    user_id            varchar(100) not null,
    track_id           varchar(100) not null,
    last_counted_start timestamptz,
    primary key (user_id, track_id)
);
