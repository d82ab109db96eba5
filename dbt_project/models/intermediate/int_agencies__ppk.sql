-- Every agency (instansi) as exported, with the region of the cases that name it, resolved to its PPK:
-- the regional government of a regency/city or province, or a ministry or agency at the centre.
-- The rules are data (`ref_ppk_rules`, first matching priority wins); a name no rule places, a central
-- body not yet listed, or a regional body whose case names no region precise enough stays unresolved
-- with the reason, never guessed.
with agencies as (
    select distinct agency_text, region_code
    from {{ ref('int_cases__classified') }}
),

rules as (
    select
        rule_id,
        priority,
        pattern,
        ppk_level,
        -- an empty cell is an empty string when dbt's unit tests read the seed file: both mean "none"
        nullif(agency_code, '') as agency_code,
        nullif(agency_name, '') as agency_name
    from {{ ref('ref_ppk_rules') }}
),

regions as (
    select code as region_code, name as region_name from {{ ref('ref_provinces') }}
    union all
    select code, name from {{ ref('ref_regencies') }}
),

-- the same folding as the rules are written in: lower case, anything but letters and digits a space
matched as (
    select
        agencies.agency_text,
        agencies.region_code,
        rules.rule_id,
        rules.ppk_level,
        rules.agency_code,
        rules.agency_name
    from agencies
    left join rules
        on regexp_matches(
            trim(regexp_replace(lower(agencies.agency_text), '[^a-z0-9]+', ' ', 'g')), rules.pattern
        )
    qualify row_number() over (
        partition by agencies.agency_text, agencies.region_code order by rules.priority nulls last
    ) = 1
),

placed as (
    select
        *,
        case
            when ppk_level = 'central' then 'ID'
            when ppk_level = 'province' then {{ dbt.split_part('region_code', "'.'", 1) }}
            when ppk_level = 'regency' and region_code like '%.%' then region_code
        end as ppk_region_code,
        case
            when agency_text is null then 'no instansi in the export'
            when rule_id is null then 'no rule in ref_ppk_rules matches the name'
            when ppk_level = 'central' and agency_code is null then 'a central body not yet listed in ref_ppk_rules'
            when region_code is null then 'the case has no region'
            when ppk_level = 'regency' and region_code not like '%.%'
                then 'a regency/city body, but the case names only a province'
        end as unresolved_reason
    from matched
)

select
    placed.agency_text,
    placed.region_code,
    placed.rule_id,
    placed.ppk_level,
    case
        when placed.unresolved_reason is not null then null
        when placed.ppk_level = 'central' then 'PUSAT.' || placed.agency_code
        else 'PEMDA.' || placed.ppk_region_code
    end as ppk_id,
    case
        when placed.unresolved_reason is not null then null
        when placed.ppk_level = 'central' then placed.agency_name
        when placed.ppk_level = 'province' then 'Pemerintah Provinsi ' || regions.region_name
        else 'Pemerintah ' || regions.region_name
    end as ppk_name,
    case when placed.unresolved_reason is null then placed.ppk_region_code end as ppk_region_code,
    placed.unresolved_reason
from placed
left join regions
    on regions.region_code = placed.ppk_region_code
