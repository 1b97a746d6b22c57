-- Console sign-in with a password, and console sessions kept server-side so that logging out or revoking one ends
-- it at once (the browser's cookie holds a random secret; only its SHA-256 is here).

-- password_hash: Argon2id in PHC form ($argon2id$v=19$m=…), null until the person sets one.
-- failed_logins/locked_until: the per-account throttle, shared by every instance (docs/organizations.md)
alter table reporting.account
    add column password_hash text,
    add column failed_logins int not null default 0,
    add column locked_until  timestamptz;

-- account_id null: a login with one of the deployment's tokens, legacy_role naming which ('organizer' or 'ops').
-- csrf_token: the synchronizer token every console form of this session must send back
create table reporting.console_session (
    id             uuid primary key,
    secret_hash    bytea       not null unique,
    account_id     uuid references reporting.account,
    legacy_role    text check (legacy_role in ('organizer', 'ops')),
    csrf_token     text        not null,
    created_at     timestamptz not null,
    last_seen_at   timestamptz not null,
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    client_address text,
    check ((account_id is null) <> (legacy_role is null))
);
create index console_session_of_account on reporting.console_session (account_id) where account_id is not null;
