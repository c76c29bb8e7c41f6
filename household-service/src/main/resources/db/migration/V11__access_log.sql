-- Who read whose personal data (个人信息查阅记录): one row per answer that carried personal fields of
-- households (one household, a list page, an export, a history), with who, when, why (purpose) and the request
-- id. It names households by id only, never a personal field. Auditors query it by household, member, caller
-- or period; it is kept for fupin.access-log.retention and then deleted by the retention job.
create table access_log (
    id              bigint generated always as identity primary key,
    at              timestamptz not null default now(),
    subject         text        not null,
    roles           text[]      not null,
    purpose         text,
    policy          text        not null,
    request_id      text        not null,
    kind            text        not null,
    caller_region   text collate "C",
    household_ids   uuid[]      not null,
    household_count integer     not null
);

create index access_log_at on access_log (at);
create index access_log_subject on access_log (subject, id);
create index access_log_households on access_log using gin (household_ids);

-- Append-only: no update, and no delete except the retention job's, which says so for its own transaction.
-- (The service's database role owns the table and could drop this trigger; it guards against mistakes in the
-- code and casual tampering. An operator who needs more revokes the owner's rights from the service's role.)
create function access_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('fupin.access_log_retention', true) = 'on' then
        return old;
    end if;
    raise exception 'access_log is append-only: % is refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger access_log_append_only before update or delete on access_log
    for each row execute function access_log_append_only();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function access_log_append_only();
