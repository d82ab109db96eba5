{#- Aggregate region-coded rows to every level the marts publish: each regency, each province (its
    regencies plus rows coded to the province itself), and the whole country as `ID`.
    `relation` must have `region_code`; `dimensions` are grouped on at every level. -#}
{% macro region_rollup(relation, dimensions, measures) -%}
    with coded as (
        select
            *,
            {{ dbt.split_part('region_code', "'.'", 1) }} as _province_code,
            case when region_code like '%.%' then region_code end as _regency_code
        from {{ relation }}
    ),

    rolled as (
        select
            {% for d in dimensions %}{{ d }},{% endfor %}
            _province_code,
            _regency_code,
            grouping(_province_code, _regency_code) as _grouping,
            {% for name, expression in measures.items() %}{{ expression }} as {{ name }}{{ "," if not loop.last }}
            {% endfor %}
        from coded
        group by grouping sets (
            ({{ dimensions | join(", ") }}, _province_code, _regency_code),
            ({{ dimensions | join(", ") }}, _province_code),
            ({{ dimensions | join(", ") }})
        )
    )

    select
        {% for d in dimensions %}{{ d }},{% endfor %}
        case _grouping when 0 then _regency_code when 1 then _province_code else 'ID' end as region_code,
        case _grouping when 0 then 'regency' when 1 then 'province' else 'national' end as region_level,
        {% for name in measures %}{{ name }}{{ "," if not loop.last }}{% endfor %}
    from rolled
    -- rows coded to a province only appear in its roll-up, not as a regency of their own
    where not (_grouping = 0 and _regency_code is null)
{%- endmacro %}
