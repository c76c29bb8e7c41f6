-- Households (建檔立卡) and their members. Personal data lives here and nowhere else.
create table household (
    id                       uuid primary key,
    household_no             varchar(20)   not null unique,
    village_code             varchar(12)   not null references region (code),
    address                  text          not null,
    phone                    text,
    category                 text          not null,
    causes                   text[]        not null,
    primary_cause            text          not null,
    identified_year          integer       not null,
    annual_income_per_capita numeric(12, 2) not null check (annual_income_per_capita >= 0),
    status                   text          not null,
    risk_type                text,
    notice_ends_on           date,
    registered_on            date          not null,
    version                  bigint        not null,
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null
);

create index household_village on household (village_code, id);
create index household_status on household (status, village_code);

create table household_member (
    id                    uuid primary key,
    household_id          uuid        not null references household (id),
    name                  text        not null,
    id_number             char(18)    not null,
    gender                text        not null,
    birth_date            date        not null,
    relation              text        not null,
    health                text        not null,
    disability_grade      smallint check (disability_grade between 1 and 4),
    severe_mental_illness boolean     not null,
    education             text        not null,
    labor_capacity        text        not null,
    medical_insurance     boolean     not null,
    migrant_worker        boolean     not null,
    removed_reason        text,
    removed_on            date,
    version               bigint      not null
);

-- An ID number belongs to one current member in the whole registry: the database says so too, so
-- that two concurrent registrations cannot both pass the check. A member who left (married out,
-- moved out) may be registered again in another household.
create unique index household_member_id_number on household_member (id_number) where removed_reason is null;
create index household_member_household on household_member (household_id);

-- Household numbers run per village: <village code>-<serial>.
create table household_number (
    village_code varchar(12) primary key references region (code),
    last_serial  integer     not null
);
