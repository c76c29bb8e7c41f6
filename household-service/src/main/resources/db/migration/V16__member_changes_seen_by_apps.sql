-- A member's update is a change of its household for the apps only when something an app shows changed. The duplicate
-- scan writes every member's derived search keys (name_pinyin, name_search) with one statement: under V15 that marked
-- every household of the county changed, so each app's next sync fetched the whole register, and the scan's commit
-- numbered 500,000 rows (the benchmark's first scan took 226 s instead of 102 s). A member moved to another household
-- changes both households.
drop trigger household_member_updated_change on household_member;

create function record_member_updates() returns trigger language plpgsql as $$
begin
    update household_change set seq = null, changed_at = now()
    where household_id in (
            select now_row.household_id
            from changed_members now_row join before_members before_row on before_row.id = now_row.id
            where (to_jsonb(now_row) - 'name_pinyin' - 'name_search')
                  is distinct from (to_jsonb(before_row) - 'name_pinyin' - 'name_search')
            union
            select before_row.household_id
            from changed_members now_row join before_members before_row on before_row.id = now_row.id
            where now_row.household_id <> before_row.household_id)
      and seq is not null;
    if found then
        perform mark_household_changes();
    end if;
    return null;
end;
$$;

create trigger household_member_updated_change after update on household_member
    referencing old table as before_members new table as changed_members
    for each statement execute function record_member_updates();
