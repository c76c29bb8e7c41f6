-- The user account (the token's subject) of a helper who uses the app: GET /api/v1/my-work finds the caller's helper
-- record through it. One account per helper and one helper per account. Kept apart from the helper row: the account
-- is no part of the helper's public record, and lists of helpers never show it.
create table helper_account (
    helper_id uuid         primary key references helper (id),
    subject   varchar(255) not null unique,
    linked_at timestamptz  not null,
    linked_by text         not null
);
