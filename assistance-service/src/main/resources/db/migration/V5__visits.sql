-- Visits (走訪) of helpers to their paired households. The id is the client's UUID, so that an app
-- syncing after working offline can send the same visit again without recording it twice.
create table visit (
    id            uuid primary key,
    seq           bigint generated always as identity unique,
    helper_id     uuid        not null references helper (id),
    household_id  uuid        not null,
    village_code  varchar(12) not null,
    visited_at    timestamptz not null,
    notes         text,
    risk_observed boolean     not null,
    recorded_at   timestamptz not null,
    recorded_by   text        not null
);

-- The latest visit of a household (overdue visits, observed risks) comes from this index.
create index visit_household_latest on visit (household_id, visited_at desc, id desc);
create index visit_helper on visit (helper_id, visited_at);
create index visit_village on visit (village_code);
