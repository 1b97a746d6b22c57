-- Access requests (people.access-requests) to answer, and the outbox of the answers on people.access-reports: one
-- row per request, so a replay answers nothing twice. The report itself is made from reporting.signer when it is
-- relayed (published_at stays null until the broker holds it): no copy of the person's data is kept here.
create table reporting.access_request (
    request_id   uuid        primary key,
    email_hash   text        not null,
    requested_at timestamptz not null,
    published_at timestamptz
);
create index access_request_unpublished on reporting.access_request (requested_at) where published_at is null;
