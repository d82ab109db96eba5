-- Bawaslu's violation handling per election, region and violation type at the latest register
-- snapshot, with the ASN cases it forwarded to KASN/BKN beside the cases KASN/BKN report for the
-- same election and region, so the two sides of the hand-over can be compared.
with register as (
    select
        classified.*,
        links.asn_cases_linked
    from {{ ref('int_register__classified') }} as classified
    left join {{ ref('int_register__case_links') }} as links
        using (election_id, register_number)
    qualify snapshot_date = max(snapshot_date) over (partition by election_id)
),

summary as (
    {{ region_rollup('register', ['election_id', 'snapshot_date', 'violation_type'], {
        'cases': 'count(*)',
        'registered': 'count(*) filter (is_registered)',
        'violations': 'count(*) filter (is_violation)',
        'forwarded_to_asn_body': 'count(*) filter (forwarded_to_asn_body)',
        'asn_forwarded': 'cast(coalesce(sum(asn_count) filter (forwarded_to_asn_body), 0) as bigint)',
        'asn_cases_linked': 'cast(coalesce(sum(asn_cases_linked) filter (forwarded_to_asn_body), 0) as bigint)',
    }) }}
)

select
    summary.election_id,
    summary.region_code,
    regions.region_name,
    summary.region_level,
    summary.snapshot_date as as_of_date,
    summary.violation_type,
    summary.cases,
    summary.registered,
    summary.violations,
    summary.forwarded_to_asn_body,
    summary.asn_forwarded,
    summary.asn_cases_linked,
    case when summary.violation_type = 'netralitas_asn' then coalesce(funnel.asn_reported, 0) end
        as asn_reported_by_asn_body
from summary
inner join {{ ref('dim_region') }} as regions using (region_code)
left join {{ ref('sanction_funnel') }} as funnel
    on funnel.election_id = summary.election_id and funnel.region_code = summary.region_code
