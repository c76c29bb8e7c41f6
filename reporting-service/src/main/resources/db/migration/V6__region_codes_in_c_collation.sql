-- Region codes are strings of digits that every report selects by prefix (village_code like '541000%'). Under
-- any collation but "C" (the launcher's and Debian's clusters default to C.UTF-8) PostgreSQL cannot use a btree
-- index for LIKE, so each report scanned its tables whole and a county's report slowed as other counties joined
-- the read model (ScalingBenchmark, as of a past date: p99 43 ms with 0.5 million households, 75 ms with 2 million).
-- In "C" the indexes already there serve the prefix. Strings of digits sort the same in every collation, so no
-- answer changes; the indexes on these columns are rebuilt, the tables are not rewritten.
alter table region_fact alter column code type varchar(12) collate "C";
alter table region_fact alter column parent_code type varchar(12) collate "C";
alter table household_fact alter column village_code type varchar(12) collate "C";
alter table household_contribution alter column village_code type varchar(12) collate "C";
alter table village_status_change alter column village_code type varchar(12) collate "C";
alter table village_status_total alter column village_code type varchar(12) collate "C";
alter table pairing_fact alter column village_code type varchar(12) collate "C";
alter table work_team_fact alter column village_code type varchar(12) collate "C";
alter table measure_fact alter column village_code type varchar(12) collate "C";
alter table visit_fact alter column village_code type varchar(12) collate "C";
alter table case_state alter column village_code type varchar(12) collate "C";
alter table case_stage_duration alter column village_code type varchar(12) collate "C";
alter table village_exit_fact alter column village_code type varchar(12) collate "C";
alter table signal_fact alter column village_code type varchar(12) collate "C";
alter table signal_fact alter column region_code type varchar(12) collate "C";
alter table monitoring_alert_fact alter column village_code type varchar(12) collate "C";
alter table monitoring_alert_step alter column village_code type varchar(12) collate "C";
alter table risk_clearance_fact alter column village_code type varchar(12) collate "C";
