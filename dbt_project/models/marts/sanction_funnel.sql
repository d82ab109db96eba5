-- The sanction funnel per election and region at the election's latest as-of date.
select *
from {{ ref('sanction_funnel_history') }}
qualify as_of_date = max(as_of_date) over (partition by election_id)
