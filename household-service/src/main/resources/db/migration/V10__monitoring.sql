-- Dynamic monitoring and early warning (防止返貧動態監測): signals from other departments and from cadres,
-- versioned warning rules, the alerts they open, and risk elimination (風險消除).

-- The household service's first consumer (assistance.events, for the helpers and work teams an alert is
-- assigned to, and the visits that observed a risk). The same table as the platform's db/inbox migration,
-- created here because a deployment that has run V1-V9 would refuse a new migration numbered below them.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    event_time   timestamptz not null,
    processed_at timestamptz not null default clock_timestamp(),
    primary key (consumer, event_id)
);
create index processed_event_latest on processed_event (consumer, processed_at desc);

-- A version of a warning rule. A county adds versions for itself (county_code); versions without one are the
-- defaults every county starts from. A change never rewrites history: a warning keeps the version that fired.
create table warning_rule (
    id             uuid primary key,
    code           text        not null check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    version        int         not null check (version >= 1),
    county_code    varchar(6),
    name           text        not null,
    condition      text        not null check (condition in ('INCOME_BELOW_LINE', 'MEDICAL_COST', 'DISASTER_LOSS',
                                                             'LABOURER_LOST', 'GUARANTEE_FAILING', 'SIGNAL_KIND')),
    -- Yuan: a medical cost or a disaster loss above it fires.
    threshold      numeric(12, 2),
    -- MEDICAL_COST: share of the household's annual income above which a cost fires (0.5 = half).
    income_share   numeric(4, 3),
    -- INCOME_BELOW_LINE: the warning line as a multiple of the year's poverty line (1.5).
    line_factor    numeric(4, 2),
    -- SIGNAL_KIND: the kind of signal that fires by itself.
    signal_kind    text,
    active         boolean     not null,
    effective_from date        not null,
    created_by     text        not null,
    created_at     timestamptz not null,
    unique (code, county_code, version),
    unique (code, county_code, effective_from)
);
create unique index warning_rule_default_version on warning_rule (code, version) where county_code is null;

insert into warning_rule (id, code, version, county_code, name, condition, threshold, income_share, line_factor, signal_kind,
                          active, effective_from, created_by, created_at) values
    ('00000000-0000-7000-8000-000000000101', 'income-below-warning-line', 1, null,
     'Income per person under 1.5 × the year''s poverty line (監測收入線)', 'INCOME_BELOW_LINE', null, null, 1.50, null,
     true, date '2016-01-01', 'system', now()),
    ('00000000-0000-7000-8000-000000000102', 'medical-burden', 1, null,
     'Medical out-of-pocket costs over 20,000 yuan or over half the household''s annual income', 'MEDICAL_COST', 20000, 0.500,
     null, null, true, date '2016-01-01', 'system', now()),
    ('00000000-0000-7000-8000-000000000103', 'disaster-loss', 1, null,
     'A disaster loss over 10,000 yuan', 'DISASTER_LOSS', 10000, null, null, null, true, date '2016-01-01', 'system', now()),
    ('00000000-0000-7000-8000-000000000104', 'only-labourer-lost', 1, null,
     'Death or certified disability of the household''s only labourer', 'LABOURER_LOST', null, null, null, null,
     true, date '2016-01-01', 'system', now()),
    ('00000000-0000-7000-8000-000000000105', 'guarantee-failing', 1, null,
     'An assessment finds a guarantee failing (兩不愁三保障)', 'GUARANTEE_FAILING', null, null, null, null,
     true, date '2016-01-01', 'system', now()),
    ('00000000-0000-7000-8000-000000000106', 'job-loss', 1, null,
     'A member lost the job (human resources)', 'SIGNAL_KIND', null, null, null, 'JOB_LOSS', true, date '2016-01-01', 'system', now()),
    ('00000000-0000-7000-8000-000000000107', 'subsistence-granted', 1, null,
     'Subsistence allowance granted (低保, civil affairs)', 'SIGNAL_KIND', null, null, null, 'SUBSISTENCE_GRANTED',
     true, date '2016-01-01', 'system', now()),
    ('00000000-0000-7000-8000-000000000108', 'serious-illness', 1, null,
     'A member diagnosed with a serious illness (大病)', 'SIGNAL_KIND', null, null, null, 'SERIOUS_ILLNESS',
     true, date '2016-01-01', 'system', now()),
    ('00000000-0000-7000-8000-000000000109', 'risk-observed', 1, null,
     'A helper observed a risk on a visit', 'SIGNAL_KIND', null, null, null, 'RISK_OBSERVED', true, date '2016-01-01', 'system', now());

-- Monitoring alerts (預警): one open alert per household at a time; later warnings join it.
create table monitoring_alert (
    id             uuid primary key,
    household_id   uuid        not null references household (id),
    village_code   varchar(12) not null,
    status         text        not null check (status in ('OPEN', 'RISK_CONFIRMED', 'CONFIRMED', 'DISMISSED')),
    assignee_kind  text        not null check (assignee_kind in ('HELPER', 'WORK_TEAM', 'NONE')),
    assignee_id    uuid,
    opened_on      date        not null,
    due_on         date        not null,
    verified_on    date,
    verified_by_id text,
    verified_by    text,
    findings       text,
    risk_type      text,
    decided_on     date,
    decided_by     text,
    decision_reason text,
    seq            bigint generated always as identity,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create unique index monitoring_alert_one_open on monitoring_alert (household_id) where status in ('OPEN', 'RISK_CONFIRMED');
create index monitoring_alert_region on monitoring_alert (village_code text_pattern_ops, seq);
create index monitoring_alert_assignee on monitoring_alert (assignee_id, due_on) where status in ('OPEN', 'RISK_CONFIRMED');
create index monitoring_alert_household on monitoring_alert (household_id, seq);

-- Signals as received. The person is named by ID number or the household by its number; what fupin made of it
-- (outcome) is kept, including for a person it does not know.
create table monitoring_signal (
    id               uuid primary key,
    department       text        not null,
    signal_id        text        not null,
    kind             text        not null,
    id_number        varchar(18),
    household_no     text,
    occurred_on      date        not null,
    amount           numeric(12, 2),
    note             text,
    received_on      date        not null,
    received_at      timestamptz not null,
    sent_by          text        not null,
    channel          text        not null check (channel in ('API', 'TOPIC', 'VISIT', 'ASSESSMENT')),
    -- What it led to; the household and member once matched.
    outcome          text        not null,
    household_id     uuid references household (id),
    member_id        uuid,
    region_code      varchar(12),
    alert_id         uuid references monitoring_alert (id),
    -- Repeats compare it: the same id with other content is refused.
    fingerprint      text        not null,
    seq              bigint generated always as identity,
    unique (department, signal_id)
);
create index monitoring_signal_region on monitoring_signal (region_code text_pattern_ops, seq);
create index monitoring_signal_alert on monitoring_signal (alert_id);
create index monitoring_signal_unknown on monitoring_signal (id_number) where outcome = 'UNKNOWN_PERSON';

-- Each rule version that fired on a signal, and why (the figures it compared).
create table monitoring_warning (
    id           bigint generated always as identity primary key,
    alert_id     uuid        not null references monitoring_alert (id),
    signal_id    uuid        not null references monitoring_signal (id),
    rule_id      uuid        not null references warning_rule (id),
    rule_code    text        not null,
    rule_version int         not null,
    reason       text        not null
);
create index monitoring_warning_alert on monitoring_warning (alert_id, id);

-- Risk elimination (風險消除): proposed by the helper, approved by the township.
create table risk_clearance (
    id              uuid primary key,
    household_id    uuid        not null references household (id),
    village_code    varchar(12) not null,
    status          text        not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_on     date        not null,
    proposer_id     text        not null,
    proposer        text        not null,
    reason          text        not null,
    stable_months   int         not null,
    -- The assessments the proposal rests on, oldest first.
    assessment_ids  text[]      not null,
    decided_on      date,
    decided_by      text,
    decision_reason text,
    seq             bigint generated always as identity,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create unique index risk_clearance_one_open on risk_clearance (household_id) where status = 'PROPOSED';
create index risk_clearance_region on risk_clearance (village_code text_pattern_ops, seq);

-- Who helps whom, replicated from assistance.events: an alert goes to the household's helper, else to the
-- village's work team.
create table helper_pairing_replica (
    pairing_id   uuid primary key,
    household_id uuid not null,
    helper_id    uuid not null,
    started_on   date not null,
    ended_on     date
);
create index helper_pairing_replica_household on helper_pairing_replica (household_id) where ended_on is null;

create table work_team_replica (
    work_team_id uuid primary key,
    village_code varchar(12) not null,
    leader_id    uuid,
    started_on   date not null
);
create index work_team_replica_village on work_team_replica (village_code, started_on desc);
