-- How each PPK follows up sanction recommendations, per election at every as-of date: recommended,
-- followed up, awaiting, the follow-up rate, how many days follow-up took (median, 90th percentile)
-- and how long the oldest open recommendation has waited. Days are counted as of each snapshot: a
-- recommendation open at one snapshot and carried out by the next counts as open, and ageing, at the
-- first. Cases whose agency resolves to no PPK are kept under `ppk_id` 'UNRESOLVED' with their own
-- region, so they stay visible beside the resolved ones (dim_agency says why each name is unresolved).
--
-- Incremental like sanction_funnel_history: a new snapshot rebuilds the as-of dates it changes.
-- depends_on: {{ ref('int_cases__classified') }}
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['election_id', 'as_of_date'],
    on_schema_change='fail',
) }}

with cases as (
    select * from {{ ref('int_cases__as_of') }}
    where funnel_stage = 'recommended'
),

cases_to_build as (
    {{ as_of_rows_to_build('cases') }}
),

deadlines as (
    select * from {{ ref('ref_ppk_deadlines') }}
),

aged as (
    select
        cases.election_id,
        cases.as_of_date,
        cases.loaded_at,
        coalesce(agencies.ppk_id, 'UNRESOLVED') as ppk_id,
        coalesce(agencies.ppk_region_code, cases.region_code, 'ID') as region_code,
        cases.followed_up,
        cases.recommendation_date,
        case
            when cases.followed_up then date_diff('day', cases.recommendation_date, cases.followup_date)
        end as days_to_followup,
        case
            when not cases.followed_up then date_diff('day', cases.recommendation_date, cases.as_of_date)
        end as days_open,
        deadlines.deadline_days
    from cases_to_build as cases
    left join {{ ref('int_agencies__ppk') }} as agencies
        on agencies.agency_text is not distinct from cases.agency_text
        and agencies.region_code is not distinct from cases.region_code
    left join deadlines
        on cases.recommendation_date >= deadlines.valid_from
        and (deadlines.valid_to is null or cases.recommendation_date <= deadlines.valid_to)
),

followup as (
    select
        election_id,
        as_of_date,
        ppk_id,
        region_code,
        count(*) as asn_recommended,
        count(*) filter (followed_up) as asn_followed_up,
        count(*) filter (not followed_up) as asn_awaiting_ppk,
        count(*) filter (not followed_up and days_open > deadline_days) as asn_overdue,
        count(*) filter (recommendation_date is null) as asn_without_recommendation_date,
        quantile_cont(days_to_followup, 0.5) as median_days_to_followup,
        quantile_cont(days_to_followup, 0.9) as p90_days_to_followup,
        max(days_open) as oldest_open_days,
        max(loaded_at) as loaded_at
    from aged
    group by election_id, as_of_date, ppk_id, region_code
),

ppks as (
    select distinct ppk_id, ppk_name, ppk_level from {{ ref('int_agencies__ppk') }}
    where ppk_id is not null
)

select
    followup.election_id,
    followup.as_of_date,
    followup.ppk_id,
    coalesce(ppks.ppk_name, 'Belum teridentifikasi') as ppk_name,
    coalesce(ppks.ppk_level, 'unresolved') as ppk_level,
    followup.region_code,
    regions.region_name,
    {{ dbt.split_part('followup.region_code', "'.'", 1) }} as province_code,
    followup.asn_recommended,
    followup.asn_followed_up,
    followup.asn_awaiting_ppk,
    followup.asn_overdue,
    followup.asn_without_recommendation_date,
    followup.asn_followed_up / followup.asn_recommended as followup_rate,
    followup.median_days_to_followup,
    followup.p90_days_to_followup,
    followup.oldest_open_days,
    followup.loaded_at
from followup
left join ppks using (ppk_id)
inner join {{ ref('dim_region') }} as regions using (region_code)
