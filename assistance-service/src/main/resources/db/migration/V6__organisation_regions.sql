-- Units, assistance groups and helpers belong to a region (the county, a township or a village),
-- so that every caller stays inside the region their token names: a record is read by callers of
-- its region and of the regions below it, and written only by callers of its region or above.
alter table assistance_group add column region_code varchar(12);
alter table unit add column region_code varchar(12);
alter table helper add column region_code varchar(12);

-- Records made before regions were recorded belong to the county of this deployment when the
-- replica knows exactly one county; otherwise to no region ('000000' is no county's code), seen by
-- nobody until an administrator assigns them.
update assistance_group set region_code = coalesce(
    (select min(code) from region_replica where level = 'COUNTY' having count(*) = 1), '000000');
update unit set region_code = coalesce(
    (select min(code) from region_replica where level = 'COUNTY' having count(*) = 1), '000000');
-- A helper belongs where their unit does.
update helper h set region_code = (select u.region_code from unit u where u.id = h.unit_id);

alter table assistance_group alter column region_code set not null;
alter table unit alter column region_code set not null;
alter table helper alter column region_code set not null;

create index assistance_group_region on assistance_group (region_code varchar_pattern_ops);
create index unit_region on unit (region_code varchar_pattern_ops);
create index helper_region on helper (region_code varchar_pattern_ops);
