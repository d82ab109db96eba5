-- The elections the marts name, in words, for BI labels and the report.
select
    election_id,
    election_name,
    election_type,
    voting_date
from {{ ref('ref_elections') }}
