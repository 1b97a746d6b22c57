-- Mail to people who are not signers (a petition's organizers get its delivery reports) carries its own address
-- and what its template shows; its email_hash is then a digest of that address, not a person's key.
alter table email.outbox drop constraint outbox_email_hash_fkey;
alter table email.outbox add column recipient_email text, add column payload jsonb;
