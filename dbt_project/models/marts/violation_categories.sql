-- What reported ASN did, per election and region, at the election's latest as-of date: the count in
-- each violation category and its share of all reported ASN there.
with cases as (
    select * from {{ ref('int_cases__as_of') }}
    qualify as_of_date = max(as_of_date) over (partition by election_id)
),

counted as (
    {{ region_rollup('cases', ['election_id', 'as_of_date', 'violation_category'], {
        'asn_count': 'count(*)',
    }) }}
)

select
    counted.election_id,
    counted.region_code,
    regions.region_name,
    counted.region_level,
    counted.as_of_date,
    counted.violation_category as category,
    labels.category_label,
    counted.asn_count,
    counted.asn_count / sum(counted.asn_count) over (
        partition by counted.election_id, counted.region_code
    ) as share
from counted
inner join {{ ref('dim_region') }} as regions using (region_code)
left join (
    select distinct category, category_label from {{ ref('ref_violation_categories') }}
) as labels on labels.category = counted.violation_category
