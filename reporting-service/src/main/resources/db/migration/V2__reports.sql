-- The facts of every report besides the overview, and the figures the overview and breakdown
-- precompute. Still no names and no ID numbers.

-- Assessments (兩不愁三保障, water, income): which dimensions failed, from the assessment date on.
create table assessment_fact (
    assessment_id      uuid primary key,
    household_id       uuid    not null,
    assessed_on        date    not null,
    failing_dimensions text[]  not null
);

create index assessment_fact_household on assessment_fact (household_id, assessed_on desc);

-- Pairings of helpers with households and of units or groups with villages, with their dates.
create table pairing_fact (
    pairing_id   uuid primary key,
    kind         text        not null,
    household_id uuid,
    village_code varchar(12) not null,
    start_date   date        not null,
    end_date     date
);

create index pairing_fact_household on pairing_fact (household_id) where kind = 'HELPER_HOUSEHOLD';
create index pairing_fact_village on pairing_fact (village_code);

-- Resident work teams (駐村工作隊) and the village they serve from their start date.
create table work_team_fact (
    work_team_id uuid primary key,
    village_code varchar(12) not null,
    start_date   date        not null
);

create index work_team_fact_village on work_team_fact (village_code);

-- The measure ledger as reports count it: type, exact amount, status, confirmation.
create table measure_fact (
    measure_id   uuid primary key,
    type         text          not null,
    household_id uuid,
    village_code varchar(12)   not null,
    amount       numeric(14, 2),
    started_on   date          not null,
    status       text          not null,
    confirmed_on date
);

create index measure_fact_village on measure_fact (village_code, started_on);

create table visit_fact (
    visit_id      uuid primary key,
    household_id  uuid        not null,
    village_code  varchar(12) not null,
    visited_on    date        not null,
    risk_observed boolean     not null
);

create index visit_fact_village on visit_fact (village_code, visited_on);

-- Precomputed counts for the overview and breakdown. Each household's contribution is a handful
-- of dated changes ("from this day, one more EXITED household of 3 people, one fewer POOR"); the
-- sum of the changes up to a date is the count on that date. household_contribution keeps what
-- each household last contributed so that a late or backdated event replaces it exactly.
create table household_contribution (
    household_id uuid        not null,
    village_code varchar(12) not null,
    day          date        not null,
    status       text        not null,
    households   integer     not null,
    people       integer     not null,
    primary key (household_id, village_code, day, status)
);

-- Sums of the contributions per village, status and day: a report as of a date sums the days up to it.
create table village_status_change (
    village_code varchar(12) not null,
    day          date        not null,
    status       text        not null,
    households   bigint      not null,
    people       bigint      not null,
    primary key (village_code, status, day)
);

create index village_status_change_day on village_status_change (day);

-- The same summed over every day: what a report of today reads.
create table village_status_total (
    village_code varchar(12) not null,
    status       text        not null,
    households   bigint      not null,
    people       bigint      not null,
    primary key (village_code, status)
);

-- The status history is also read by household for the exits report.
create index household_status_history_to on household_status_history (to_status, effective_date);

-- Rebuilds: one row per run, so that every instance can tell whether one is running.
create table rebuild_run (
    id            uuid primary key,
    status        text        not null,
    requested_by  text        not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    events        bigint      not null default 0,
    skipped       bigint      not null default 0,
    failure       text,
    updated_at    timestamptz not null
);

create unique index rebuild_run_one_running on rebuild_run ((true)) where status = 'RUNNING';
