-- Organizations own petitions; people (accounts) belong to organizations with a role; personal API tokens act as
-- their account. A deployment's existing petitions belong to the organization 'default', which the legacy
-- organizer token (REPORTING_ADMIN_TOKEN) owns until accounts replace it (docs/organizations.md).
create table reporting.organization (
    slug       text primary key check (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name       text        not null,
    created_at timestamptz not null
);

-- email: the organizer's sign-in address, lower-cased (staff data, not a signer's)
create table reporting.account (
    id                uuid primary key,
    email             text        not null unique check (email = lower(email)),
    platform_operator boolean     not null default false,
    created_at        timestamptz not null,
    disabled_at       timestamptz
);

create table reporting.membership (
    organization text        not null references reporting.organization,
    account_id   uuid        not null references reporting.account,
    role         text        not null check (role in ('OWNER', 'EDITOR', 'VIEWER')),
    created_at   timestamptz not null,
    primary key (organization, account_id)
);
create index membership_of_account on reporting.membership (account_id);

-- token_hash: SHA-256 of the token, which is shown once and never stored (a random 256-bit secret needs no slow hash)
create table reporting.api_token (
    id           uuid primary key,
    account_id   uuid        not null references reporting.account,
    name         text        not null,
    token_hash   bytea       not null unique,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_of_account on reporting.api_token (account_id);

insert into reporting.organization (slug, name, created_at) values ('default', 'Default organization', now());
alter table reporting.petition add column organization text references reporting.organization;
update reporting.petition set organization = 'default';
alter table reporting.petition alter column organization set not null;
create index petition_of_organization on reporting.petition (organization);
