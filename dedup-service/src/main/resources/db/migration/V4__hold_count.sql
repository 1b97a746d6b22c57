-- The fraud signals' counts, shared by every dedup instance: one row per source (e.g. 'address 198.51.100.9/32')
-- and clock-aligned window. Windows older than the one before the newest are deleted.
create table dedup.hold_count (
    window_start timestamptz not null,
    source       text        not null,
    count        integer     not null,
    primary key (window_start, source)
);
