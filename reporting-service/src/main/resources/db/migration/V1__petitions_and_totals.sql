create table reporting.petition (
    slug                 text primary key,
    title                text        not null,
    text                 text        not null,
    targets              jsonb       not null,
    goal                 bigint      not null,
    status               text        not null,
    consent_text         text        not null,
    consent_text_version text        not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    -- the updated_at of the version last acknowledged on the petitions topic; behind updated_at = to relay
    published_at         timestamptz
);

-- One row per signature id ever counted: the unique key is what makes a replayed record count once.
create table reporting.counted_signature (
    signature_id  uuid primary key,
    petition_slug text        not null,
    counted_at    timestamptz not null
);

create table reporting.petition_total (
    petition_slug text primary key,
    accepted      bigint      not null,
    updated_at    timestamptz not null
);
