-- The monitoring (防止返貧動態監測) as the reports need it: signals received, alerts and their steps, risk
-- clearances, and the type of risk a monitored household is watched for. Ids, codes and dates only: the
-- events name no person.

-- Every signal with the day it was received and what it led to. region_code is the household's village, or
-- for a person fupin does not know the county of the ID number (null when not even that is known), so that
-- an unknown person counts in the county's report but in no township's.
create table signal_fact (
    signal_id    uuid primary key,
    region_code  varchar(12),
    village_code varchar(12),
    household_id uuid,
    department   text not null,
    kind         text not null,
    occurred_on  date not null,
    received_on  date not null,
    outcome      text not null,
    alert_id     uuid
);

create index signal_fact_region on signal_fact (region_code text_pattern_ops, received_on);

-- Each alert as it opened: it counts from opened_on, and while open it is overdue after due_on.
create table monitoring_alert_fact (
    alert_id      uuid primary key,
    household_id  uuid        not null,
    village_code  varchar(12) not null,
    opened_on     date        not null,
    due_on        date        not null,
    assignee_kind text        not null
);

create index monitoring_alert_fact_village on monitoring_alert_fact (village_code text_pattern_ops, opened_on);

-- Every verification (status RISK_CONFIRMED or DISMISSED) and decision (CONFIRMED, or OPEN when sent back) of an
-- alert, effective from its date: the alert stands where its latest step on or before a date left it (OPEN
-- before any). Keyed by the event, so that a redelivery adds nothing while a second verification after a
-- send-back, even on the same day, is a step of its own; seq orders the steps of one day. opened_on (on a
-- verification) gives the days the visit took.
create table monitoring_alert_step (
    event_id     text primary key,
    seq          bigint generated always as identity,
    alert_id     uuid        not null,
    village_code varchar(12) not null,
    effective_on date        not null,
    status       text        not null,
    risk_type    text,
    opened_on    date
);

create index monitoring_alert_step_alert on monitoring_alert_step (alert_id, effective_on, seq);
create index monitoring_alert_step_village on monitoring_alert_step (village_code text_pattern_ops, effective_on);

-- Risk clearances (風險消除): proposal and decision in one row, filled by whichever event arrives first.
create table risk_clearance_fact (
    clearance_id uuid primary key,
    household_id uuid        not null,
    village_code varchar(12) not null,
    proposed_on  date,
    decided_on   date,
    approved     boolean
);

create index risk_clearance_fact_village on risk_clearance_fact (village_code text_pattern_ops);

-- The type of risk (UNSTABLE_EXIT, MARGINAL, SUDDEN_HARDSHIP) of each status entry that names one: a flagged
-- risk, or a household registered as monitored. Entries applied before this column existed have none until a
-- rebuild replays their events.
alter table household_status_history add column risk_type text;
