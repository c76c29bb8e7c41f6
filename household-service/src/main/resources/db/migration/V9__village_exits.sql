-- Poor-village exits (貧困村出列): a township proposes a poor village whose poverty incidence is under the
-- threshold, the county approves (and announces) or rejects. The counts the proposal rested on are kept.
create table village_exit (
    id               uuid primary key,
    village_code     varchar(12)  not null references region (code),
    status           text         not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_on      date         not null,
    proposer         text         not null,
    proposed_by      text         not null,
    reason           text         not null,
    poor_people      bigint       not null,
    rural_population integer      not null,
    incidence        numeric(9, 6) not null,
    threshold        numeric(9, 6) not null,
    decided_on       date,
    decider          text,
    decided_by       text,
    decision_reason  text,
    seq              bigint generated always as identity,
    version          bigint       not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);

-- One proposal waiting per village, and one approved exit: a village exits once.
create unique index village_exit_one_proposed on village_exit (village_code) where status = 'PROPOSED';
create unique index village_exit_one_approved on village_exit (village_code) where status = 'APPROVED';
create index village_exit_region on village_exit (village_code text_pattern_ops, seq);
