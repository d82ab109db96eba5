-- The funnel narrows at every stage, and its stages add up to the reported total.
select *
from {{ ref('sanction_funnel_history') }}
where asn_reported < asn_recommended
   or asn_recommended < asn_followed_up
   or asn_reported <> asn_recommended + asn_not_proven + asn_incomplete + asn_pending
