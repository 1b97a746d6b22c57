-- Whether people sharing an address may sign with one email (once per name, same postal code)
alter table reporting.petition add column household_signatures boolean not null default false;
