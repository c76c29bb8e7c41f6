-- The client-made id of every item an app sent in an offline batch (measure confirmations), with a digest of its
-- content: the same item again is a duplicate, another item under a used id is refused (the platform's ClientIds).
create table sync_item (
    client_id    uuid        primary key,
    kind         text        not null,
    aggregate_id uuid        not null,
    content_hash text        not null,
    record_id    uuid        not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
