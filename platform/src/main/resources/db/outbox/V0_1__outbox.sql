-- Transactional outbox: a business write and its event commit together; the relay publishes
-- rows in seq order (which per aggregate is commit order) and stamps sent_at.
create table outbox_event (
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    topic          text        not null,
    event_type     text        not null,
    payload        text        not null,
    created_at     timestamptz not null default now(),
    sent_at        timestamptz,
    attempts       integer     not null default 0,
    last_error     text
);

create index outbox_event_pending on outbox_event (seq) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;
