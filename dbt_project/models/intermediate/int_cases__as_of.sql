-- The cases that make up each election's funnel at each as-of date. An as-of date is any date on
-- which a source exported a snapshot holding the election; at that date each source (KASN, BKN)
-- contributes its latest snapshot on or before it, so KASN's last export and BKN's newer ones
-- together describe the election when oversight moved between them in 2024.
--
-- Incremental: a new snapshot of an election changes its as-of dates from that snapshot's date on, so
-- a nightly build rebuilds those (usually just the newest) and keeps the rest.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['election_id', 'as_of_date'],
    on_schema_change='fail',
) }}

with cases as (
    select * from {{ ref('int_cases__classified') }}
),

snapshots as (
    select distinct case_source, election_id, snapshot_date from cases
),

as_of_dates as (
    select distinct election_id, snapshot_date as as_of_date from snapshots
),

as_of_to_build as (
    {{ as_of_rows_to_build('as_of_dates') }}
),

chosen as (
    select
        as_of_dates.election_id,
        as_of_dates.as_of_date,
        snapshots.case_source,
        max(snapshots.snapshot_date) as snapshot_date
    from as_of_to_build as as_of_dates
    inner join snapshots
        on snapshots.election_id = as_of_dates.election_id
        and snapshots.snapshot_date <= as_of_dates.as_of_date
    group by as_of_dates.election_id, as_of_dates.as_of_date, snapshots.case_source
)

select
    chosen.as_of_date,
    cases.*
from chosen
inner join cases using (election_id, case_source, snapshot_date)
