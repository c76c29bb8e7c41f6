-- Offline apps (離線同步): what changed in the register since an app last synced, and the client-made ids of the
-- writes apps send in batches.

-- One row per household: its latest change, written by triggers in the transaction of the change itself, so no code
-- path can forget it. seq is the order of commits: it is drawn at commit (a deferred trigger) under a lock held until
-- the commit is visible, so a change with a higher seq never becomes visible before one with a lower seq, and a
-- reader that has seen seq n will never find a change commit behind it. While a change is under way its row has a
-- null seq; readers still see the row as last committed.
create table household_change (
    household_id  uuid        primary key references household (id),
    seq           bigint,
    village_code  varchar(12) not null,
    -- Villages the household moved away from: apps of those regions learn it left them. Cleared after the retention.
    left_villages text[]      not null default '{}',
    changed_at    timestamptz not null default now()
);
create sequence household_change_seq;
create unique index household_change_order on household_change (seq);

create function record_household_change() returns trigger language plpgsql as $$
begin
    insert into household_change (household_id, village_code, left_villages)
    values (new.id, new.village_code,
            case when tg_op = 'UPDATE' and old.village_code <> new.village_code then array[old.village_code] else '{}' end)
    on conflict (household_id) do update
        set seq = null,
            village_code = excluded.village_code,
            left_villages = case when excluded.left_villages = '{}' or household_change.left_villages @> excluded.left_villages
                                 then household_change.left_villages
                                 else household_change.left_villages || excluded.left_villages end,
            changed_at = now();
    return null;
end;
$$;

create trigger household_changed after insert or update on household
    for each row execute function record_household_change();

-- A member's change is a change of its household (the app shows members with their household).
create function record_member_change() returns trigger language plpgsql as $$
begin
    update household_change set seq = null, changed_at = now() where household_id = new.household_id;
    return null;
end;
$$;

create trigger household_member_changed after insert or update on household_member
    for each row execute function record_member_change();

-- At commit: one committing transaction at a time draws its numbers (the lock is released once its commit is visible).
-- The first call numbers every row this transaction changed (rows other transactions are changing show to it as last
-- committed, with their seq), so an import of thousands of households draws them in one statement; the other calls
-- find nothing left to number.
create function number_household_change() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('household_change'));
    update household_change set seq = nextval('household_change_seq') where seq is null;
    return null;
end;
$$;

create constraint trigger household_change_numbered after insert or update on household_change
    deferrable initially deferred
    for each row when (new.seq is null) execute function number_household_change();

-- Households registered before this migration are changes too: an app's first sync lists them.
insert into household_change (household_id, seq, village_code)
    select id, nextval('household_change_seq'), village_code from household order by created_at, id;

-- The client-made id of every item an app sent in a batch, with a digest of its content: the same item again is a
-- duplicate, another item under a used id is refused (the platform's ClientIds).
create table sync_item (
    client_id    uuid        primary key,
    kind         text        not null,
    aggregate_id uuid        not null,
    content_hash text        not null,
    record_id    uuid        not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
