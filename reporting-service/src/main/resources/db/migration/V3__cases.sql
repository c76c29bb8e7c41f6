-- Cases (兩公示一公告) as the reports need them: where each case stands from each day on, and how long
-- each completed stage took. No names, no texts: the events carry none.

-- One row per event of a case, effective from the event's date: its status, the stage it is at (a notice
-- while it runs), the day the notice ends and the day the awaited step is due.
create table case_state (
    case_id        uuid        not null,
    seq            bigint generated always as identity,
    village_code   varchar(12) not null,
    kind           text        not null,
    effective_on   date        not null,
    status         text        not null,
    stage          text        not null,
    notice_ends_on date,
    due_on         date,
    primary key (case_id, seq)
);

create index case_state_village on case_state (village_code text_pattern_ops, case_id, effective_on, seq);

-- Every stage completed (a notice that ran included), for the time stages take.
create table case_stage_duration (
    id           bigint generated always as identity primary key,
    case_id      uuid        not null,
    village_code varchar(12) not null,
    kind         text        not null,
    stage        text        not null,
    started_on   date        not null,
    completed_on date        not null
);

create index case_stage_duration_village on case_stage_duration (village_code text_pattern_ops, completed_on);
