-- Idempotent consumers: an event id is recorded in the same transaction as its effect, so a
-- redelivered event finds its row and is skipped.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    event_time   timestamptz not null,
    processed_at timestamptz not null default clock_timestamp(),
    primary key (consumer, event_id)
);

-- Freshness: the newest event a consumer applied, and when.
create index processed_event_latest on processed_event (consumer, processed_at desc);
