-- Requests for a person's export of everything held about them (the GDPR's right of access), as taken here (the
-- signer's mailed link, or ops on their behalf), and the outbox of people.access-requests: relayed after the commit.
-- Only the hash names the person; the row stays as the record that the request was made and answered.
create table email.access_request (
    request_id        uuid primary key,
    email_hash        text        not null,
    -- SIGNER (their mailed link) or how ops received it: LETTER, PHONE, EMAIL, IN_PERSON, OTHER
    channel           text        not null,
    -- who filed it on the person's behalf; null when the signer asked themselves
    filed_by          text,
    -- ops' reference (a ticket number), never the person's data
    reference         text,
    requested_at      timestamptz not null,
    published_at      timestamptz,
    -- when the collected export was deleted (email.access-export-kept after the request); reports arriving later
    -- are not stored
    export_deleted_at timestamptz
);
create index access_request_unpublished on email.access_request (requested_at) where published_at is null;
create index access_request_kept on email.access_request (requested_at) where export_deleted_at is null;

-- Each service's part of the export (email's own, and people.access-reports): the person's data, kept only until
-- the export is deleted. A replayed report changes nothing.
create table email.access_report (
    request_id uuid        not null references email.access_request (request_id),
    service    text        not null,
    records    jsonb       not null,
    made_at    timestamptz not null,
    primary key (request_id, service)
);
