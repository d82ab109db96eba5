-- Every agency name (instansi) the case exports use, with the region of its cases and the PPK it
-- resolves to: the answer to "whose staff is this?" and, where `ppk_id` is null, the names a data
-- steward should add a rule for in ref_ppk_rules.
select
    agency_text as agency_name,
    region_code,
    ppk_id,
    ppk_name,
    ppk_level,
    ppk_region_code,
    rule_id,
    unresolved_reason
from {{ ref('int_agencies__ppk') }}
