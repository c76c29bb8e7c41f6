-- Pairings (結對幫扶): a helper with a household, a unit or a group with a village. A pairing is
-- active while end_date is null; ended pairings are kept, they are the history of who helped whom.
create table pairing (
    id                     uuid primary key,
    seq                    bigint generated always as identity unique,
    kind                   text        not null check (kind in ('HELPER_HOUSEHOLD', 'UNIT_VILLAGE', 'GROUP_VILLAGE')),
    helper_id              uuid references helper (id),
    unit_id                uuid references unit (id),
    group_id               uuid references assistance_group (id),
    household_id           uuid,
    village_code           varchar(12) not null,
    start_date             date        not null,
    end_date               date,
    end_reason             text,
    replaces_pairing_id    uuid references pairing (id),
    replacement_pairing_id uuid references pairing (id),
    created_at             timestamptz not null,
    created_by             text        not null,
    ended_at               timestamptz,
    ended_by               text,
    version                bigint      not null default 0,
    check ((kind = 'HELPER_HOUSEHOLD') = (helper_id is not null and household_id is not null)),
    check ((kind = 'UNIT_VILLAGE') = (unit_id is not null)),
    check ((kind = 'GROUP_VILLAGE') = (group_id is not null)),
    check ((end_date is null) = (end_reason is null)),
    check (end_date is null or end_date >= start_date)
);

-- The last line of defence of "one active helper per household", behind the row locks of the service.
create unique index pairing_one_helper_per_household on pairing (household_id)
    where kind = 'HELPER_HOUSEHOLD' and end_date is null;
create unique index pairing_one_unit_per_village on pairing (unit_id, village_code)
    where kind = 'UNIT_VILLAGE' and end_date is null;
create unique index pairing_one_group_per_village on pairing (group_id, village_code)
    where kind = 'GROUP_VILLAGE' and end_date is null;

create index pairing_helper_active on pairing (helper_id) where end_date is null;
create index pairing_household on pairing (household_id);
create index pairing_village on pairing (village_code);
