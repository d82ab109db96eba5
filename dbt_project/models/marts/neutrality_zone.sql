-- KASN's colour zone for each election, region and as-of date, under the threshold version valid on
-- that date for the region's level. Where no published thresholds apply (the nation, or a level and
-- date KASN gave none for), zone and threshold_version are null rather than guessed.
--
-- Incremental: a new snapshot changes an election's zones from its date on; a nightly build rebuilds
-- those as-of dates and keeps the rest (a change of thresholds changes the project, which rebuilds all).
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['election_id', 'as_of_date'],
    on_schema_change='fail',
) }}
-- depends_on: {{ ref('int_cases__classified') }}

with funnel as (
    select funnel.*
    from {{ ref('sanction_funnel_history') }} as funnel
    {% if is_incremental() %}
    inner join ({{ elections_changed_since(ref('int_cases__classified')) }}) as changed_since
        on changed_since.election_id = funnel.election_id
        and funnel.as_of_date >= changed_since.since
    {% endif %}
),

thresholds as (
    select * from {{ ref('ref_zone_thresholds') }}
),

zoned as (
    select
        funnel.election_id,
        funnel.region_code,
        funnel.region_name,
        funnel.region_level,
        funnel.as_of_date,
        funnel.asn_reported,
        thresholds.zone,
        thresholds.threshold_version,
        funnel.loaded_at
    from funnel
    left join thresholds
        on thresholds.region_level = funnel.region_level
        and funnel.as_of_date >= thresholds.valid_from
        and (thresholds.valid_to is null or funnel.as_of_date <= thresholds.valid_to)
        and funnel.asn_reported >= thresholds.min_reported
        and (thresholds.max_reported is null or funnel.asn_reported <= thresholds.max_reported)
    -- when versions overlap, the most recently published one applies
    qualify row_number() over (
        partition by funnel.election_id, funnel.region_code, funnel.as_of_date
        order by thresholds.valid_from desc nulls last
    ) = 1
)

select * from zoned
