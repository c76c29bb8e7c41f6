-- A replica of the household facts this service validates against (existence, village, status),
-- and of the regions; built from household.events, never written by the API.
create table region_replica (
    code         varchar(12) primary key,
    level        text        not null,
    parent_code  varchar(12),
    poor_village boolean     not null,
    deep_poverty boolean     not null,
    updated_at   timestamptz not null
);

create table household_replica (
    household_id uuid primary key,
    village_code varchar(12) not null,
    status       text        not null,
    updated_at   timestamptz not null
);

create index household_replica_village on household_replica (village_code, status);
