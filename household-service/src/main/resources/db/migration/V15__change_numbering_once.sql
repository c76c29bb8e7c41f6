-- The triggers of V14 worked row by row: an import batch of n households with three members each ran 4n trigger
-- calls while writing and queued 4n deferred calls for the commit, each of which ran the whole "number every row
-- still without seq" update. The planner answers "seq is null" from the unique index on seq, whose null entries are
-- every row version the transaction wrote, so the commit of a batch did n² work (the import benchmark fell from
-- 4,642 to 766 households/s). Now:
--  * the change rows are written once per statement, from the statement's transition tables;
--  * a transaction that changed households leaves one mark in household_change_pending, and only that mark's insert
--    queues the deferred call, which numbers every row of the transaction in one statement, as before, under the
--    same lock, and removes the mark. One deferred call per transaction, whatever its size.
drop trigger household_change_numbered on household_change;
drop trigger household_changed on household;
drop trigger household_member_changed on household_member;
drop function record_household_change();
drop function record_member_change();

-- One row per transaction with unnumbered changes, for the time of that transaction (never committed: the numbering
-- at commit deletes it).
create table household_change_pending (
    transaction_id bigint primary key
);

create function mark_household_changes() returns void language sql as $$
    insert into household_change_pending values (txid_current()) on conflict do nothing;
$$;

create function record_registered_households() returns trigger language plpgsql as $$
begin
    insert into household_change (household_id, village_code)
    select id, village_code from registered
    on conflict (household_id) do update set seq = null, village_code = excluded.village_code, changed_at = now();
    perform mark_household_changes();
    return null;
end;
$$;

create trigger household_registered_change after insert on household
    referencing new table as registered
    for each statement execute function record_registered_households();

create function record_updated_households() returns trigger language plpgsql as $$
begin
    insert into household_change (household_id, village_code, left_villages)
    select now_row.id, now_row.village_code,
           case when before_row.village_code <> now_row.village_code then array[before_row.village_code] else '{}' end
    from updated now_row join before_update before_row on before_row.id = now_row.id
    on conflict (household_id) do update
        set seq = null,
            village_code = excluded.village_code,
            left_villages = case when excluded.left_villages = '{}' or household_change.left_villages @> excluded.left_villages
                                 then household_change.left_villages
                                 else household_change.left_villages || excluded.left_villages end,
            changed_at = now();
    perform mark_household_changes();
    return null;
end;
$$;

create trigger household_updated_change after update on household
    referencing old table as before_update new table as updated
    for each statement execute function record_updated_households();

-- A member's change is a change of its household (the app shows members with their household). A household this
-- transaction changed already (seq null: committed rows are always numbered) needs no second row version: its
-- changed_at is this transaction's now() already.
create function record_member_changes() returns trigger language plpgsql as $$
begin
    update household_change set seq = null, changed_at = now()
    where household_id in (select household_id from changed_members) and seq is not null;
    if found then
        perform mark_household_changes();
    end if;
    return null;
end;
$$;

create trigger household_member_inserted_change after insert on household_member
    referencing new table as changed_members
    for each statement execute function record_member_changes();

create trigger household_member_updated_change after update on household_member
    referencing new table as changed_members
    for each statement execute function record_member_changes();

-- At commit: one committing transaction at a time draws its numbers (the lock is released once its commit is
-- visible), so a change with a higher seq never becomes visible before one with a lower seq.
create or replace function number_household_change() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('household_change'));
    update household_change set seq = nextval('household_change_seq') where seq is null;
    delete from household_change_pending where transaction_id = new.transaction_id;
    return null;
end;
$$;

create constraint trigger household_changes_numbered after insert on household_change_pending
    deferrable initially deferred
    for each row execute function number_household_change();
