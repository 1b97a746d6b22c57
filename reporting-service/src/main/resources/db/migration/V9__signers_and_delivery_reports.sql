-- What a delivery report lists of each accepted signature, written in the transaction that counts it. Whether a
-- row is in a report is counted_signature's to say (counted_at, invalidated_at): an invalidated signature keeps
-- its row here and drops out of every report made after its invalidation.
create table reporting.signer (
    signature_id  uuid primary key,
    petition_slug text        not null,
    given_name    text,
    family_name   text,
    postal_code   text,
    region        text,
    country       text,
    comment       text,
    signed_at     timestamptz not null
);
-- The report's order; the signature id breaks ties, so the same report is always the same bytes
create index signer_in_report_order on reporting.signer (petition_slug, signed_at, signature_id);

-- A delivery report for the organizers of a petition at each of its milestones, recorded with the milestone (the
-- key keeps a replay from recording it again); published_at stays null until reports.ready acknowledged it.
-- as_of is when the milestone was reached: the report the link serves is the report as of that moment.
create table reporting.delivery_report (
    report_id     uuid        not null primary key,
    petition_slug text        not null,
    kind          text        not null,
    threshold     bigint      not null,
    total         bigint      not null,
    as_of         timestamptz not null,
    recipients    text[]      not null,
    csv_sha256    text,
    published_at  timestamptz,
    unique (petition_slug, kind, threshold)
);
create index delivery_report_unpublished on reporting.delivery_report (as_of) where published_at is null;
