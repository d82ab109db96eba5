-- The sanction funnel per election and region at every as-of date.
with cases as (
    select * from {{ ref('int_cases__as_of') }}
),

funnel as (
    {{ region_rollup('cases', ['election_id', 'as_of_date'], {
        'asn_reported': 'count(*)',
        'asn_recommended': "count(*) filter (funnel_stage = 'recommended')",
        'asn_not_proven': "count(*) filter (funnel_stage = 'not_proven')",
        'asn_incomplete': "count(*) filter (funnel_stage = 'incomplete')",
        'asn_pending': "count(*) filter (funnel_stage = 'pending')",
        'asn_followed_up': 'count(*) filter (followed_up)',
    }) }}
)

select
    funnel.election_id,
    funnel.region_code,
    regions.region_name,
    funnel.region_level,
    funnel.as_of_date,
    -- the last day these figures describe: the day before the election's next as-of date, so
    -- "the funnel on 15 Sep 2020" is the row with as_of_date <= that day <= valid_until
    coalesce(
        lead(funnel.as_of_date) over (
            partition by funnel.election_id, funnel.region_code order by funnel.as_of_date
        ) - 1,
        date '9999-12-31'
    ) as valid_until,
    funnel.asn_reported,
    funnel.asn_recommended,
    funnel.asn_not_proven,
    funnel.asn_incomplete,
    funnel.asn_pending,
    funnel.asn_followed_up,
    funnel.asn_recommended - funnel.asn_followed_up as asn_awaiting_ppk,
    funnel.asn_followed_up / nullif(funnel.asn_recommended, 0) as followup_rate
from funnel
inner join {{ ref('dim_region') }} as regions using (region_code)
