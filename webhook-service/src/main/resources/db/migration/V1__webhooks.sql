-- Webhook subscriptions, the events they match (stored once) and one delivery per subscription and event.

create table subscription (
    id uuid primary key,
    -- The order of creation: the list pages by it.
    seq bigserial unique,
    owner text not null,
    -- '' for every region; else a region code that prefixes the regions of the events delivered.
    region_code varchar(12) not null,
    url text not null,
    event_types text[] not null,
    -- Standard Webhooks signing secret (whsec_...): shown to the owner once, at creation.
    secret text not null,
    description text,
    status varchar(16) not null check (status in ('ACTIVE', 'SUSPENDED', 'DELETED')),
    suspended_reason text,
    suspended_at timestamptz,
    created_at timestamptz not null,
    created_by text not null,
    version bigint not null default 0
);
create index subscription_matching on subscription (status) where status <> 'DELETED';

create table event (
    id text primary key,
    type text not null,
    occurred_at timestamptz not null,
    -- The CloudEvent exactly as it was read from Kafka: the body every delivery sends and signs.
    body text not null,
    received_at timestamptz not null default now()
);

-- The village of each household and case, learned from the events that name it: the events that
-- do not (a member added, an assessment) are delivered within the same region.
create table aggregate_region (
    aggregate_id text primary key,
    region_code varchar(12) not null
);

create table delivery (
    seq bigserial primary key,
    subscription_id uuid not null references subscription (id),
    event_id text not null references event (id),
    -- Deliveries of one subscription with the same key go out one at a time, in seq order (per household).
    order_key text not null,
    status varchar(16) not null check (status in ('PENDING', 'DELIVERED')),
    attempts int not null default 0,
    -- The first failed attempt of the current run of failures: the subscription is suspended when it is too old.
    failing_since timestamptz,
    next_attempt_at timestamptz not null,
    -- An instance sending it holds it until then; another may take it over afterwards.
    leased_until timestamptz,
    last_status_code int,
    last_error text,
    last_latency_ms int,
    delivered_at timestamptz,
    unique (subscription_id, event_id)
);
create index delivery_due on delivery (next_attempt_at, seq) where status = 'PENDING';
create index delivery_order on delivery (subscription_id, order_key, seq) where status = 'PENDING';
create index delivery_log on delivery (subscription_id, seq);

create table delivery_attempt (
    id bigserial primary key,
    delivery_seq bigint not null references delivery (seq) on delete cascade,
    attempted_at timestamptz not null,
    status_code int,
    error text,
    latency_ms int not null
);
create index delivery_attempt_of on delivery_attempt (delivery_seq, id);
