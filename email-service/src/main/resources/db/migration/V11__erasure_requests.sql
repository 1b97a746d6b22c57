-- Requests to erase a person, as they were taken here (the signer's confirmed link, or ops on their behalf), and
-- the outbox of people.erasures: relayed after the commit. Only the hash names the person; the row stays as the
-- record that the request was made and carried out (an accountability record the docs name).
create table email.erasure_request (
    erasure_id   uuid primary key,
    email_hash   text        not null,
    -- SIGNER (their confirmed link) or how ops received it: LETTER, PHONE, EMAIL, IN_PERSON, OTHER
    channel      text        not null,
    -- who filed it on the person's behalf; null when the signer asked themselves
    filed_by     text,
    -- ops' reference (a ticket number), never the person's data
    reference    text,
    requested_at timestamptz not null,
    published_at timestamptz
);
create index erasure_request_unpublished on email.erasure_request (requested_at) where published_at is null;
create index erasure_request_recent on email.erasure_request (requested_at desc);

-- Each service's announcement that it finished (people.erasures.done); a replay changes nothing.
create table email.erasure_progress (
    erasure_id uuid        not null,
    service    text        not null,
    records    int         not null,
    done_at    timestamptz not null,
    primary key (erasure_id, service)
);
