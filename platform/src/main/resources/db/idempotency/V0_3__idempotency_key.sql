-- Idempotency-Key of creating POSTs: the first response is kept and replayed for a repeat.
create table idempotency_key (
    caller       text        not null,
    key          text        not null,
    request_hash text        not null,
    status       integer     not null,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz not null default now(),
    primary key (caller, key)
);

create index idempotency_key_created_at on idempotency_key (created_at);
