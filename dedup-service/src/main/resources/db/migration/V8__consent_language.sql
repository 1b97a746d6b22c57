-- The language the signer read the petition and its consent wording in (ISO 639, e.g. 'es'): consent evidence
-- names the wording's language and version, and a signature held for review is released with the language its
-- signer's mails are written in. Null for signatures stored before languages existed (English).
alter table dedup.signature add column consent_language text;
