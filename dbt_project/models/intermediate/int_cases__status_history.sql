-- Each case's status over time: one row per case and status spell, from the first snapshot that
-- showed the status to the day before a snapshot showed another (or open, while it still holds).
-- The equivalent of a dbt snapshot, built from the exports' own dates instead of load times, so
-- history loaded late or out of order still lands on the right days.
with observed as (
    select
        case_source,
        report_number,
        election_id,
        snapshot_date,
        status_text,
        funnel_stage,
        followed_up,
        lag(funnel_stage) over case_window as previous_stage,
        lag(followed_up) over case_window as previous_followed_up
    from {{ ref('int_cases__classified') }}
    window case_window as (partition by case_source, report_number order by snapshot_date)
),

changes as (
    select *
    from observed
    where previous_stage is null
        or previous_stage <> funnel_stage
        or previous_followed_up <> followed_up
)

select
    case_source,
    report_number,
    election_id,
    status_text,
    funnel_stage,
    followed_up,
    snapshot_date as valid_from,
    {{ day_before('lead(snapshot_date) over (partition by case_source, report_number order by snapshot_date)') }}
        as valid_to
from changes
