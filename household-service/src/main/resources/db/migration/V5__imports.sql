-- Bulk CSV imports of households: one job per uploaded file, processed asynchronously by the
-- instance that spooled the file, with every rejected row kept for the clerk to fix.
create table household_import (
    id            uuid        primary key,
    caller        text        not null,
    actor         text        not null,
    region_scope  text        not null,
    instance      text        not null,
    status        text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    file_name     text,
    file_path     text        not null,
    file_sha256   text        not null,
    -- total and processed count data rows (members); succeeded and failed count households.
    total         integer     not null,
    processed     integer     not null default 0,
    succeeded     integer     not null default 0,
    failed        integer     not null default 0,
    error_count   integer     not null default 0,
    error_message text,
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    version       bigint      not null
);

create index household_import_queue on household_import (instance, status, created_at);

-- The rows of a job that were rejected, in the words of the CSV: row number, column, code, message.
create table household_import_error (
    id        bigint generated always as identity primary key,
    import_id uuid    not null references household_import (id) on delete cascade,
    row_no    integer not null,
    field     text,
    code      text    not null,
    message   text    not null,
    params    jsonb
);

create index household_import_error_row on household_import_error (import_id, row_no, id);

-- The history of a registration lists every field (about 2.5 kB of JSON), above the size at which
-- PostgreSQL compresses a value. lz4 compresses several times faster than the default pglz, which
-- was a third of the time a bulk import spent writing history.
alter table household_history alter column changes set compression lz4;
