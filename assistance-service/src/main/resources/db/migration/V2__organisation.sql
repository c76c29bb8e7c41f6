-- Who helps: assistance groups (幫扶集團) of units, units (departments, enterprises, schools...),
-- helpers (幫扶責任人), resident village work teams (駐村工作隊) and war zones (戰區).
-- Every table has a seq: lists page through records in the order they were created.
create table assistance_group (
    id         uuid primary key,
    seq        bigint generated always as identity unique,
    name       text        not null,
    created_at timestamptz not null,
    created_by text        not null,
    version    bigint      not null default 0
);

create table unit (
    id         uuid primary key,
    seq        bigint generated always as identity unique,
    name       text        not null,
    type       text        not null,
    group_id   uuid references assistance_group (id),
    created_at timestamptz not null,
    created_by text        not null,
    version    bigint      not null default 0
);

create index unit_group on unit (group_id);

create table helper (
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    name           text        not null,
    phone          text,
    unit_id        uuid        not null references unit (id),
    kind           text        not null,
    max_households integer     not null check (max_households between 1 and 100),
    created_at     timestamptz not null,
    created_by     text        not null,
    updated_at     timestamptz not null,
    version        bigint      not null default 0
);

create index helper_unit on helper (unit_id);

create table work_team (
    id           uuid primary key,
    seq          bigint generated always as identity unique,
    village_code varchar(12) not null,
    leader_id    uuid        not null references helper (id),
    start_date   date        not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    version      bigint      not null default 0
);

create index work_team_village on work_team (village_code, start_date);

create table work_team_member (
    work_team_id uuid    not null references work_team (id),
    position     integer not null,
    helper_id    uuid    not null references helper (id),
    primary key (work_team_id, position),
    unique (work_team_id, helper_id)
);

create table war_zone (
    id         uuid primary key,
    seq        bigint generated always as identity unique,
    name       text        not null,
    leader_id  uuid        not null references helper (id),
    created_at timestamptz not null,
    created_by text        not null,
    version    bigint      not null default 0
);

create table war_zone_township (
    war_zone_id   uuid       not null references war_zone (id),
    position      integer    not null,
    township_code varchar(9) not null,
    primary key (war_zone_id, position),
    unique (war_zone_id, township_code)
);
