-- Duplicate review decisions that change the register (重复人员核查处理): a merge retires the record of a person
-- registered twice, a move removes the record of a person who lives in the household of their other record, and
-- either can be undone.

-- The day a member joined its household, for the members added after the household's registration; null for the
-- members registered with it (they joined on the household's registered_on). A decision retires a record from the
-- day the person's other record began, so that reports count the person once on every day.
alter table household_member add column joined_on date;

-- Members added before this migration: the day of their ADD_MEMBER history entry (its changes name the member id),
-- in the county's zone as the service's "today" was.
update household_member m set joined_on = (h.at at time zone 'Asia/Shanghai')::date
from household_history h
where h.household_id = m.household_id and h.action = 'ADD_MEMBER' and position(m.id::text in h.changes::text) > 0;

-- The record a merge or move retired, and from which day, so that an undo restores exactly that record.
alter table duplicate_candidate add column retired_member uuid references household_member (id);
alter table duplicate_candidate add column retired_from date;
alter table duplicate_candidate add constraint duplicate_candidate_status
    check (status in ('OPEN', 'DISTINCT', 'MERGED', 'MOVED'));
alter table duplicate_candidate add constraint duplicate_candidate_retired
    check ((status in ('MERGED', 'MOVED')) = (retired_member is not null and retired_from is not null));
