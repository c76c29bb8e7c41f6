-- The read model of the reports, built from household.events. No names, no ID numbers: only
-- the facts the reports count.
create table region_fact (
    code             varchar(12) primary key,
    name             text        not null,
    level            text        not null,
    parent_code      varchar(12),
    rural_population integer,
    poor_village     boolean     not null,
    deep_poverty     boolean     not null
);

create index region_fact_parent on region_fact (parent_code);

create table household_fact (
    household_id  uuid primary key,
    village_code  varchar(12) not null,
    category      text        not null,
    status        text        not null,
    registered_on date        not null
);

create index household_fact_village on household_fact (village_code);

-- Every status a household has had, from its effective date: what "as of" reports read.
create table household_status_history (
    household_id   uuid        not null,
    seq            bigint generated always as identity,
    effective_date date        not null,
    from_status    text,
    to_status      text        not null,
    action         text        not null,
    primary key (household_id, seq)
);

create index household_status_history_date on household_status_history (effective_date);

-- Members as counted people: when they joined and left the household, and the special-group facts.
create table member_fact (
    member_id             uuid primary key,
    household_id          uuid        not null,
    joined_on             date        not null,
    left_on               date,
    disability_grade      smallint,
    severe_mental_illness boolean     not null
);

create index member_fact_household on member_fact (household_id);
