{#- The day before a date, as a date, through dbt's cross-database `dateadd` (which returns a
    timestamp on some engines, DuckDB among them). -#}
{% macro day_before(date_expression) -%}
    cast({{ dbt.dateadd('day', -1, date_expression) }} as date)
{%- endmacro %}
