-- The signature record of truth: one row per accepted signature.
create table dedup.signature (
    submission_id        uuid primary key,
    petition_slug        text        not null,
    email_hash           text        not null,
    email                text        not null,
    given_name           text        not null,
    family_name          text,
    postal_code          text,
    country              text,
    comments             text,
    email_updates        boolean     not null,
    consent_text_version text,
    client_ip            text,
    user_agent           text,
    referrer             text,
    received_at          timestamptz not null,
    accepted_at          timestamptz not null,
    -- one signature per person and petition: the constraint, not application code, decides duplicates
    constraint signature_one_per_person unique (petition_slug, email_hash)
);
