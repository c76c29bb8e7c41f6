-- Search, faster by level. One- and two-character name queries match the start of a name (see NameSearch): a btree in
-- pattern order serves them, where the trigram index cannot.
create index household_member_name_prefix on household_member (name_search text_pattern_ops) where removed_reason is null;

-- A township's households in household-number order (a village's are in household_village_no):
-- without it a township's first page walks every household numbered before its own.
create index household_township_no on household (left(village_code, 9), household_no);

-- A GIN index collects new entries in a pending list that every search reads whole until vacuum
-- merges it: at the default 4 MB that was 30-40 ms per name search after a large import. 256 kB
-- bounds the cost at a millisecond or two; inserts merge a little more often.
alter index household_member_name_search set (gin_pending_list_limit = 256);
alter index household_causes set (gin_pending_list_limit = 256);
