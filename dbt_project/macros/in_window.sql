{#- True for dates inside the rebuild window given as vars (`--vars '{window_start: 2024-01-01,
    window_end: 2024-02-01}'`, end exclusive); false when no window is given. Dagster passes a
    backfill's partition range this way, so a backfill rebuilds exactly its days. -#}
{% macro in_window(date_column) -%}
    {%- if var('window_start', none) and var('window_end', none) -%}
        ({{ date_column }} >= cast('{{ var("window_start") }}' as date)
         and {{ date_column }} < cast('{{ var("window_end") }}' as date))
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}
