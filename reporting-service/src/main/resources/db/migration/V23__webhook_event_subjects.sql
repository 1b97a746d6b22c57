-- Webhook events that are not of one signature (docs/webhooks.md): a person's (unsubscribed, bounced, erased: all
-- their signatures on the organization's petitions), a call's, and a petition's (milestone reached, report ready).
-- signature_id is set for the signature events only, whose bodies are rendered at each attempt from the signer rows;
-- the others carry their body in data, made when the event is queued from what reporting recorded (identifiers,
-- figures, links: no name, no address). ordering_key orders the events of one subject at an endpoint: the person's
-- email hash (across the organization's petitions, so a person's unsubscription follows their signature), the
-- petition for a petition's events ('petition:' || slug). An erasure still replaces the hash with a stand-in.
alter table reporting.webhook_delivery alter column signature_id drop not null;
alter table reporting.webhook_delivery alter column petition_slug drop not null;
alter table reporting.webhook_delivery rename column email_hash to ordering_key;
alter table reporting.webhook_delivery add column data jsonb;

drop index reporting.webhook_delivery_person;
drop index reporting.webhook_delivery_of_person;
create index webhook_delivery_subject on reporting.webhook_delivery (endpoint_id, ordering_key, id)
    where status = 'PENDING';
create index webhook_delivery_of_subject on reporting.webhook_delivery (ordering_key);

-- Endpoints disabled, to tell their organization's owners by mail (email-service, through webhooks.disabled): one row
-- per disabling, written in the transaction that disables, relayed after the commit. recipients are the owners'
-- addresses when it happened; notice_id is made of the endpoint and the moment, so a disabling is told once.
create table reporting.webhook_disabled_notice (
    notice_id     uuid        primary key,
    organization  text        not null,
    endpoint_id   uuid        not null,
    url           text        not null,
    reason        text,
    disabled_at   timestamptz not null,
    recipients    text[]      not null,
    published_at  timestamptz
);
create index webhook_disabled_notice_unpublished on reporting.webhook_disabled_notice (disabled_at)
    where published_at is null;
