-- Bawaslu's violation handling per election, region and violation type in the register as it stands
-- (each entry from the newest file listing it), dated by the election's newest register file, with the ASN cases it forwarded to KASN/BKN beside the cases KASN/BKN report for the
-- same election and region, so the two sides of the hand-over can be compared.
with register as (
    select
        classified.*,
        links.asn_cases_linked
    from {{ ref('int_register__classified') }} as classified
    left join {{ ref('int_register__case_links') }} as links
        using (election_id, register_number)
),

as_of as (
    select election_id, max(as_of_date) as as_of_date from register group by election_id
),

summary as (
    {{ region_rollup('register', ['election_id', 'violation_type'], {
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
    as_of.as_of_date,
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
inner join as_of using (election_id)
left join {{ ref('sanction_funnel') }} as funnel
    on funnel.election_id = summary.election_id and funnel.region_code = summary.region_code
