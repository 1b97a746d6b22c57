-- Single sign-on (docs/organizations.md#single-sign-on): an account is bound to one person at the identity provider,
-- named by the ID token's issuer and subject (the email address can change there; the subject never does). Bound at
-- the person's first single sign-on, to the account whose address their verified email is.
alter table reporting.account
    add column oidc_issuer  text,
    add column oidc_subject text,
    add constraint account_oidc_binding unique (oidc_issuer, oidc_subject),
    add constraint account_oidc_binding_whole check ((oidc_issuer is null) = (oidc_subject is null));

-- via: how the session was opened, shown on the account page beside each session
alter table reporting.console_session add column via text;
update reporting.console_session set via = case when legacy_role is null then 'password' else 'token' end;
alter table reporting.console_session
    alter column via set not null,
    add constraint console_session_via check (via in ('password', 'token', 'sso'));
