-- The lifecycle: when the status last changed (effective dates never go backwards), and whether
-- the household has exited before (clearing a risk then returns it to EXITED, not NOT_POOR).
alter table household add column status_since date;
alter table household add column ever_exited boolean not null default false;
update household set status_since = registered_on;
alter table household alter column status_since set not null;

-- Assessments of the two assurances and three guarantees (兩不愁三保障), drinking water and income.
create table household_assessment (
    id                       uuid primary key,
    household_id             uuid          not null references household (id),
    assessed_on              date          not null,
    food                     boolean       not null,
    clothing                 boolean       not null,
    compulsory_education     boolean       not null,
    basic_medical            boolean       not null,
    housing_safety_grade     char(1)       not null check (housing_safety_grade in ('A', 'B', 'C', 'D')),
    drinking_water           boolean       not null,
    annual_income_per_capita numeric(12, 2) not null check (annual_income_per_capita >= 0),
    recorded_at              timestamptz   not null,
    recorded_by              text          not null
);

create index household_assessment_latest on household_assessment (household_id, assessed_on desc, recorded_at desc);

-- Every change of a household, oldest first: who, when, what and why, field by field.
create table household_history (
    id           bigint generated always as identity primary key,
    household_id uuid        not null references household (id),
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    reason       text,
    changes      jsonb       not null
);

create index household_history_household on household_history (household_id, id);
