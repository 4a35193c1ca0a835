-- Issue 28: the national training catalogue, published at the hub and taken by forces (ADR 39).
-- A course is the force's own (local) or taken from the national catalogue; names and descriptions in Welsh too.
alter table training_course
    add column name_cy        text,
    add column description_cy text,
    add column source         text not null default 'local' check (source in ('local', 'national'));

-- The hub: each published version of the national catalogue, whole, as forces receive it.
create table course_catalogue_release (
    version      integer primary key check (version >= 1),
    published_at timestamptz not null default now(),
    published_by text        not null,
    courses      jsonb       not null
);

-- A force: the hub's latest signed file of each kind it takes (frameworks, the training catalogue).
create table network_hub_file (
    kind     text primary key check (kind in ('frameworks', 'catalogue')),
    envelope text        not null,
    sequence bigint      not null,
    taken_at timestamptz not null default now(),
    taken_by text        not null
);

insert into network_hub_file (kind, envelope, sequence, taken_at, taken_by)
select 'frameworks', envelope, sequence, taken_at, taken_by from network_framework_offer;

drop table network_framework_offer;

-- A force: each national catalogue version its lead accepted, and when.
create table course_catalogue_accepted (
    version     integer primary key check (version >= 1),
    accepted_at timestamptz not null default now(),
    accepted_by text        not null
);
