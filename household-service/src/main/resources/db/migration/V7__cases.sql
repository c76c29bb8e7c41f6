-- Decisions as staged cases (兩公示一公告): identification, exit, return to poverty and removal.
create table household_case (
    id               uuid primary key,
    household_id     uuid        not null references household (id),
    village_code     varchar(12) not null,
    kind             text        not null check (kind in ('IDENTIFY', 'EXIT', 'RETURN', 'REMOVE')),
    status           text        not null check (status in ('OPEN', 'OBJECTED', 'APPROVED', 'REJECTED', 'STOPPED', 'WITHDRAWN')),
    stage            text        not null,
    stage_since      date        not null,
    notice_starts_on date,
    notice_ends_on   date,
    -- The day the step the case waits for is due (its stage's time limit); null once the case is closed.
    due_on           date,
    proposer         text        not null,
    proposed_on      date        not null,
    last_acted_on    date        not null,
    reason           text        not null,
    -- The assessment the proposal rests on (EXIT and IDENTIFY).
    assessment_id    uuid references household_assessment (id),
    decided_on       date,
    seq              bigint generated always as identity,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    check (notice_ends_on is null or notice_ends_on > notice_starts_on)
);

-- One case of a kind at a time for a household; closed cases stay as the record.
create unique index household_case_one_open on household_case (household_id, kind) where status in ('OPEN', 'OBJECTED');
create index household_case_household on household_case (household_id, seq);
create index household_case_region on household_case (village_code text_pattern_ops, seq);
create index household_case_waiting on household_case (stage, due_on) where status in ('OPEN', 'OBJECTED');

-- Every step of a case: who did it, in which role, on which day, with what result and evidence.
create table case_step (
    id          bigint generated always as identity primary key,
    case_id     uuid        not null references household_case (id),
    stage       text        not null,
    result      text        not null,
    acted_on    date        not null,
    actor_id    text        not null,
    actor       text        not null,
    roles       text        not null,
    reason      text,
    -- What the stage records: the visit's findings, the votes, the signature, the notice's dates.
    evidence    jsonb       not null,
    recorded_at timestamptz not null
);

create index case_step_case on case_step (case_id, id);

-- Objections (異議) filed during a public notice, and the township's finding on each.
create table case_objection (
    id              uuid primary key,
    case_id         uuid        not null references household_case (id),
    stage           text        not null,
    filed_on        date        not null,
    filed_at        timestamptz not null,
    filed_by_id     text        not null,
    filed_by        text        not null,
    text            text        not null,
    finding         text check (finding in ('UPHELD', 'DISMISSED')),
    finding_reason  text,
    resolved_on     date,
    resolved_by_id  text,
    resolved_by     text
);

create index case_objection_case on case_objection (case_id, filed_at);

-- A household's history names the case a change belongs to.
alter table household_history add column case_id uuid;
