-- The sanction funnel per election and region at every as-of date.
--
-- Incremental: a new snapshot changes an election's funnel from its date on, and ends the validity
-- of the as-of date before it; a nightly build rebuilds those as-of dates and keeps the rest.
-- `dbt build --full-refresh` rebuilds everything.
-- depends_on: {{ ref('int_cases__classified') }}
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['election_id', 'as_of_date'],
    on_schema_change='fail',
) }}

with cases as (
    select * from {{ ref('int_cases__as_of') }}
),

-- the last day each as-of date describes: the day before the election's next as-of date, so "the
-- funnel on 15 Sep 2020" is the row with as_of_date <= that day <= valid_until (a region without
-- cases at the next date has none from then on: its row does not outlive the date)
as_of_dates as (
    select
        election_id,
        as_of_date,
        coalesce(
            {{ day_before('lead(as_of_date) over (partition by election_id order by as_of_date)') }},
            date '9999-12-31'
        ) as valid_until
    from (select distinct election_id, as_of_date from cases)
),

{% if is_incremental() %}
changed_since as (
    {{ elections_changed_since(ref('int_cases__classified')) }}
),

-- the changed as-of dates, and the one before them, whose validity they end
as_of_to_build as (
    select as_of_dates.*
    from as_of_dates
    inner join changed_since using (election_id)
    where as_of_dates.valid_until >= {{ day_before('changed_since.since') }}
),
{% else %}
as_of_to_build as (
    select * from as_of_dates
),
{% endif %}

cases_to_build as (
    select cases.*
    from cases
    inner join as_of_to_build using (election_id, as_of_date)
),

funnel as (
    {{ region_rollup('cases_to_build', ['election_id', 'as_of_date'], {
        'asn_reported': 'count(*)',
        'asn_recommended': "count(*) filter (funnel_stage = 'recommended')",
        'asn_not_proven': "count(*) filter (funnel_stage = 'not_proven')",
        'asn_incomplete': "count(*) filter (funnel_stage = 'incomplete')",
        'asn_pending': "count(*) filter (funnel_stage = 'pending')",
        'asn_followed_up': 'count(*) filter (followed_up)',
        'loaded_at': 'max(loaded_at)',
    }) }}
)

select
    funnel.election_id,
    funnel.region_code,
    regions.region_name,
    funnel.region_level,
    funnel.as_of_date,
    as_of_to_build.valid_until,
    funnel.asn_reported,
    funnel.asn_recommended,
    funnel.asn_not_proven,
    funnel.asn_incomplete,
    funnel.asn_pending,
    funnel.asn_followed_up,
    funnel.asn_recommended - funnel.asn_followed_up as asn_awaiting_ppk,
    funnel.asn_followed_up / nullif(funnel.asn_recommended, 0) as followup_rate,
    funnel.loaded_at
from funnel
inner join as_of_to_build using (election_id, as_of_date)
inner join {{ ref('dim_region') }} as regions using (region_code)
