-- Search: member names in simplified script and lower case, matched by substring through a
-- trigram index; filters on status, category and cause; keyset order by household number.
create extension if not exists pg_trgm;

alter table household_member add column name_search text;
update household_member set name_search = lower(name);
alter table household_member alter column name_search set not null;

create index household_member_name_search on household_member using gin (name_search gin_trgm_ops) where removed_reason is null;
create index household_causes on household using gin (causes);
create index household_village_no on household (village_code text_pattern_ops, household_no);
create index household_status_no on household (status, household_no);
