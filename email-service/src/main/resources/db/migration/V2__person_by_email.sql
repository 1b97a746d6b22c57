-- The bounce and complaint webhook names a person by the address mail went to, not by hash.
create index person_email on email.person (lower(email));
