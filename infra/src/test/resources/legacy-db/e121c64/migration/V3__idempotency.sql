-- Idempotency-Key records: the first answer to each (caller, key), so a retry gets it again and writes
-- nothing new. The primary key is the rule; Redis only caches completed answers.
create table idempotency_record (
    scope           varchar(255) not null,
    idempotency_key varchar(200) not null,
    fingerprint     char(64)     not null,
    state           varchar(16)  not null check (state in ('in_progress', 'completed')),
    status          smallint,
    content_type    varchar(255),
    location        varchar(2048),
    body            bytea,
    created_at      timestamptz  not null default now(),
    completed_at    timestamptz,
    primary key (scope, idempotency_key),
    check (state = 'in_progress' or status is not null)
);

-- for purging records older than 24 h
create index idempotency_record_created_at on idempotency_record (created_at);
