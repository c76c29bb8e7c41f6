-- Administrative regions: county → township → village, codes nesting by prefix (GB/T 2260).
create table region (
    code             varchar(12) primary key,
    name             text        not null,
    level            text        not null check (level in ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code      varchar(12) references region (code),
    rural_population integer     not null check (rural_population >= 0),
    poor_village     boolean     not null default false,
    deep_poverty     boolean     not null default false,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create index region_parent on region (parent_code, code);
