-- Retention (petitions.anonymized): a petition's signer mail is found by its slug. Receipts, confirmation requests and
-- reminders carry it from this version on; organizer mail and a person's own request links have none.
alter table email.outbox add column petition_slug text;
-- Mail queued before: its petition is known where a consent or a confirmation names the signature. A receipt of a
-- signer who did not opt in stays without one (nothing here says its petition), and keeps that person's address
-- from being dropped by a retention (see PetitionDataEraser).
update email.outbox o set petition_slug = c.petition_slug
from email.consent c
where o.kind in ('SIGNATURE_RECEIPT', 'SIGNATURE_CONFIRMATION') and o.reference = c.signature_id::text;
update email.outbox o set petition_slug = c.petition_slug
from email.confirmation c
where o.petition_slug is null and o.kind in ('SIGNATURE_RECEIPT', 'SIGNATURE_CONFIRMATION', 'CONFIRMATION_REMINDER')
  and split_part(o.reference, ':', 1) = c.signature_id::text;
create index outbox_petition on email.outbox (petition_slug) where petition_slug is not null;
create index consent_petition on email.consent (petition_slug);
create index confirmation_petition on email.confirmation (petition_slug);
