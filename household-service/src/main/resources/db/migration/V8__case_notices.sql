-- Every public notice a case went through (村公示, 鄉鎮公示), kept after the case moved on, so that the
-- notice list of any day can be printed again: the case row holds only its current notice.
create table case_notice (
    id           bigint generated always as identity primary key,
    case_id      uuid        not null references household_case (id),
    stage        text        not null check (stage in ('VILLAGE_NOTICE', 'TOWNSHIP_NOTICE')),
    village_code varchar(12) not null,
    starts_on    date        not null,
    ends_on      date        not null,
    check (ends_on > starts_on),
    unique (case_id, stage, starts_on)
);

create index case_notice_board on case_notice (village_code text_pattern_ops, starts_on, ends_on);

-- Notices of cases recorded before this table: those that ran (a step of their own) and those running now.
insert into case_notice (case_id, stage, village_code, starts_on, ends_on)
select s.case_id, s.stage, c.village_code, (s.evidence ->> 'noticeStartsOn')::date, (s.evidence ->> 'noticeEndsOn')::date
from case_step s join household_case c on c.id = s.case_id
where s.result = 'RAN'
on conflict do nothing;

insert into case_notice (case_id, stage, village_code, starts_on, ends_on)
select id, stage, village_code, notice_starts_on, notice_ends_on
from household_case
where stage in ('VILLAGE_NOTICE', 'TOWNSHIP_NOTICE') and notice_starts_on is not null
on conflict do nothing;
