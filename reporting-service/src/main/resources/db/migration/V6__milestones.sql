-- Each milestone of a petition once: the key is what keeps a replayed batch from reaching it again.
-- published_at stays null until the petitions.milestones topic acknowledged it (the relay's work list).
create table reporting.milestone (
    petition_slug text        not null,
    kind          text        not null check (kind in ('GOAL', 'THRESHOLD')),
    threshold     bigint      not null,
    total         bigint      not null,
    reached_at    timestamptz not null,
    published_at  timestamptz,
    primary key (petition_slug, kind, threshold)
);
create index milestone_unpublished on reporting.milestone (reached_at) where published_at is null;
