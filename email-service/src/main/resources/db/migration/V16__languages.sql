-- The language (ISO 639, e.g. 'es') each mail is written in. Null in rows written before languages existed: English.
-- A signer's mails about a signature follow the language of that signature (outbox, confirmation); mail about no
-- signature in particular (organizer updates) follows the person's latest signature.
alter table email.person add column language text;
alter table email.outbox add column language text;
alter table email.confirmation add column language text;
-- consent evidence: which wording (text_version) in which language the signer saw
alter table email.consent add column language text;

-- An organizer's update in other languages than the petition's default; a recipient whose language has none gets the
-- default's subject and body (email.mailing).
create table email.mailing_translation (
    mailing_id uuid not null references email.mailing (id),
    language   text not null,
    subject    text not null,
    html_body  text not null,
    text_body  text not null,
    primary key (mailing_id, language)
);
-- the language of the mailing's own subject and body: the petition's default language when it was posted
alter table email.mailing add column language text;
