-- Duplicate detection (重复人员核查). Each member keeps how its name reads (name_pinyin: 张伟 and 章伟 are both
-- zhangwei), computed by the service; every rule of the check needs the same name or the same reading, so one
-- index finds a person's candidates. Rows written before this migration get theirs from the first scan.
alter table household_member add column name_pinyin text;
create index household_member_name_pinyin on household_member (name_pinyin) where removed_reason is null;

-- Pairs of member records that may be one person, found at registration (and confirmed as distinct people by
-- the registering cadre) or by a scan of the register, and what a township officer decided about them.
create table duplicate_candidate (
    id            uuid        primary key,
    member_a      uuid        not null references household_member (id),
    member_b      uuid        not null references household_member (id),
    household_a   uuid        not null references household (id),
    household_b   uuid        not null references household (id),
    village_a     varchar(12) not null collate "C",
    village_b     varchar(12) not null collate "C",
    reasons       text[]      not null,
    found_at      timestamptz not null,
    found_by      text        not null,
    status        text        not null,
    decided_at    timestamptz,
    decided_by    text,
    decision_reason text,
    version       bigint      not null default 0,
    constraint duplicate_candidate_pair check (member_a < member_b),
    constraint duplicate_candidate_once unique (member_a, member_b)
);
create index duplicate_candidate_open_a on duplicate_candidate (village_a, found_at) where status = 'OPEN';
create index duplicate_candidate_open_b on duplicate_candidate (village_b, found_at) where status = 'OPEN';

-- Scans of the register for duplicates, run one at a time by a worker of one instance.
create table duplicate_scan (
    id            uuid        primary key,
    region        varchar(12) not null collate "C",
    requested_by  text        not null,
    requested_at  timestamptz not null,
    status        text        not null,
    instance      text,
    started_at    timestamptz,
    finished_at   timestamptz,
    members_read  integer,
    names_read    integer,
    pairs_found   integer,
    pairs_new     integer,
    error         text
);
create index duplicate_scan_queued on duplicate_scan (requested_at) where status = 'QUEUED';
