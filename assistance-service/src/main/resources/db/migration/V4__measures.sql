-- The ledger of assistance measures (幫扶措施): exact money, status, and the household's confirmation.
create table measure (
    id            uuid primary key,
    seq           bigint generated always as identity unique,
    type          text           not null,
    household_id  uuid,
    village_code  varchar(12)    not null,
    provider_kind text           not null check (provider_kind in ('HELPER', 'UNIT', 'GROUP')),
    provider_id   uuid           not null,
    amount        numeric(14, 2) not null check (amount >= 0),
    started_on    date           not null,
    status        text           not null check (status in ('PLANNED', 'IN_PROGRESS', 'COMPLETED')),
    description   text,
    confirmed_on  date,
    confirmed_at  timestamptz,
    confirmed_by  text,
    created_at    timestamptz    not null,
    created_by    text           not null,
    updated_at    timestamptz    not null,
    version       bigint         not null default 0,
    check (confirmed_on is null or household_id is not null)
);

create index measure_village on measure (village_code);
create index measure_household on measure (household_id);
create index measure_provider on measure (provider_kind, provider_id);
