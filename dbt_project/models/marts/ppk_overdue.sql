-- Recommendations the PPK has not carried out at the election's latest snapshot, past the deadline
-- in force when they were made (`ref_ppk_deadlines`): the list BKN may block personnel records from.
-- A case is named by its source and report number only (no name, NIP or pseudonym), which is what
-- KASN/BKN file it under.
with latest as (
    select
        *,
        max(as_of_date) over (partition by election_id) as latest_as_of_date
    from {{ ref('int_cases__as_of') }}
    where funnel_stage = 'recommended'
),

open_cases as (
    select
        *,
        date_diff('day', recommendation_date, as_of_date) as days_open
    from latest
    where as_of_date = latest_as_of_date
        and not followed_up
),

deadlines as (
    select * from {{ ref('ref_ppk_deadlines') }}
)

select
    open_cases.election_id,
    open_cases.as_of_date,
    open_cases.case_source,
    open_cases.report_number,
    coalesce(agencies.ppk_id, 'UNRESOLVED') as ppk_id,
    coalesce(agencies.ppk_name, 'Belum teridentifikasi') as ppk_name,
    open_cases.agency_text as agency_name,
    open_cases.region_code,
    open_cases.sanction_type,
    open_cases.recommendation_date,
    open_cases.days_open,
    deadlines.deadline_days,
    open_cases.days_open - deadlines.deadline_days as days_overdue,
    deadlines.deadline_version
from open_cases
inner join deadlines
    on open_cases.recommendation_date >= deadlines.valid_from
    and (deadlines.valid_to is null or open_cases.recommendation_date <= deadlines.valid_to)
left join {{ ref('int_agencies__ppk') }} as agencies
    on agencies.agency_text is not distinct from open_cases.agency_text
    and agencies.region_code is not distinct from open_cases.region_code
where open_cases.days_open > deadlines.deadline_days
