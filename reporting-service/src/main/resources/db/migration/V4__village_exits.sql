-- Poor-village exits (貧困村出列) the county approved, with the announcement's date: a village counts as
-- "exit decided" from that day on. Kept apart from region_fact, so that the decision and the region's
-- own events may arrive in any order.
create table village_exit_fact (
    village_code    varchar(12) primary key,
    village_exit_id uuid        not null,
    decided_on      date        not null
);
