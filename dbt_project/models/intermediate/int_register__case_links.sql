-- Bawaslu register entries forwarded to KASN/BKN, linked to the cases those bodies report, by the
-- register number a case export carries. An entry forwarded with no matching case, or a case naming
-- a register number Bawaslu's export lacks, shows where the hand-over lost track.
with register as (
    select * from {{ ref('int_register__classified') }}
),

cases as (
    select * from {{ ref('int_cases__as_of') }}
    where bawaslu_register_number is not null
    qualify as_of_date = max(as_of_date) over (partition by election_id)
)

select
    register.election_id,
    register.register_number,
    register.region_code,
    register.forwarded_to_asn_body,
    register.asn_count as asn_forwarded,
    count(cases.report_number) as asn_cases_linked
from register
left join cases
    on cases.bawaslu_register_number = register.register_number
    and cases.election_id = register.election_id
group by
    register.election_id,
    register.register_number,
    register.region_code,
    register.forwarded_to_asn_body,
    register.asn_count
