-- Idempotent consumers: an event id is recorded in the same transaction as its effect, so a
-- redelivered event finds its row and is skipped.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
