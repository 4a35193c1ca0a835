-- Repeat suspects (issue 5): runs of the linkage engine over stored suspects, the pairs it proposes
-- and people's decisions on them, the cluster each record fell in, the identity used by the measures
-- (same record, same PNC identifier or a confirmed link), and disruption orders with review dates and
-- breaches. Source person records are never changed by linkage (ADR 12).
create table linkage_run (
    id              bigint generated always as identity primary key,
    kind            text        not null check (kind in ('full', 'incremental')),
    started_at      timestamptz not null,
    finished_at     timestamptz not null,
    records         integer     not null,
    new_records     integer     not null,
    candidate_pairs bigint      not null,
    matched_pairs   integer     not null,
    clusters        integer     not null,
    threshold       double precision not null,
    -- The highest suspect person.id when the run began (for information: records new to a run are those
    -- no run has placed in a cluster yet).
    max_person_ref  bigint      not null,
    model           text        not null
);

create table person_link (
    person_a     bigint not null references person (id),
    person_b     bigint not null references person (id),
    probability  double precision not null,
    match_weight double precision not null,
    -- field:level:weight;... as the engine explained it (no personal data).
    explanation  text   not null,
    run_id       bigint references linkage_run (id),
    status       text   not null default 'proposed' check (status in ('proposed', 'confirmed', 'rejected')),
    decided_by   text,
    decided_at   timestamptz,
    reason       text,
    primary key (person_a, person_b),
    constraint person_link_ordered check (person_a < person_b),
    constraint person_link_decided check ((status = 'proposed') = (decided_at is null))
);

create index person_link_b on person_link (person_b);
create index person_link_open on person_link (probability) where status = 'proposed';

create table person_cluster (
    person_ref  bigint primary key references person (id),
    cluster_ref bigint not null
);

create index person_cluster_cluster on person_cluster (cluster_ref);

-- Suspects joined to others by a confirmed link, with the key the measures use for their identity
-- (repeat-suspects.md: same record, same PNC identifier, or a confirmed link; transitive).
create table person_identity (
    person_ref   bigint primary key references person (id),
    identity_key text   not null
);

alter table civil_order add column review_date date;
alter table civil_order add column recorded_by text;
alter table civil_order add column recorded_at timestamptz;

create table order_breach (
    id          bigint generated always as identity primary key,
    force_code  text   not null,
    order_id    text   not null,
    breached_on date   not null,
    crime_ref   text,
    note        text,
    recorded_by text   not null,
    recorded_at timestamptz not null,
    foreign key (force_code, order_id) references civil_order (force_code, order_id)
);

create index order_breach_order on order_breach (force_code, order_id);
