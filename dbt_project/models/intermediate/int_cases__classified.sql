-- Every case row of every snapshot, KASN and BKN together, with its status, sanction, PPK follow-up
-- and violation mapped to the controlled vocabularies in the methodology seeds. Unknown text is kept
-- beside the mapped value (`lainnya` / `unknown`), never dropped.
--
-- Incremental: a nightly build adds the snapshots loaded since the last build (a corrected re-export
-- of a date replaces that date's rows), and the snapshot dates in the window given by the vars
-- `window_start` / `window_end` are rebuilt. `dbt build --full-refresh` rebuilds everything.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['case_source', 'snapshot_date'],
    on_schema_change='fail',
) }}

with cases as (
    select * from {{ ref('stg_kasn__cases') }}
    union all by name
    select * from {{ ref('stg_bkn__cases') }}
),

{% if is_incremental() %}
changed_snapshots as (
    select distinct case_source, snapshot_date
    from cases
    where loaded_at > (select coalesce(max(loaded_at), timestamp '1900-01-01') from {{ this }})
        or {{ in_window('snapshot_date') }}
),

cases_to_build as (
    select cases.* from cases inner join changed_snapshots using (case_source, snapshot_date)
),
{% else %}
cases_to_build as (
    select * from cases
),
{% endif %}

statuses as (
    select {{ fold('status') }} as status_key, funnel_stage from {{ ref('ref_case_status') }}
),

followups as (
    select {{ fold('answer') }} as answer_key, followed_up from {{ ref('ref_ppk_followup') }}
),

categories as (
    select {{ fold('violation_text') }} as violation_key, category from {{ ref('ref_violation_categories') }}
),

sanctions as (
    select {{ fold('sanction_text') }} as sanction_key, sanction_type from {{ ref('ref_sanction_types') }}
),

classified as (
    select
        cases.*,
        statuses.funnel_stage is not null as status_known,
        -- an unknown status has no decision the funnel can count: it stays pending, and a test warns
        coalesce(statuses.funnel_stage, 'pending') as funnel_stage,
        coalesce(statuses.funnel_stage = 'recommended' and followups.followed_up, false) as followed_up,
        coalesce(categories.category, 'lainnya') as violation_category,
        case
            when cases.sanction_text is null then null
            else coalesce(sanctions.sanction_type, 'lainnya')
        end as sanction_type
    from cases_to_build as cases
    left join statuses on statuses.status_key = {{ fold('cases.status_text') }}
    left join followups on followups.answer_key = {{ fold('cases.ppk_followup_text') }}
    left join categories on categories.violation_key = {{ fold('cases.violation_text') }}
    left join sanctions on sanctions.sanction_key = {{ fold('cases.sanction_text') }}
)

select * from classified
