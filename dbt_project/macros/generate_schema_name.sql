{#- Models land in the schema their folder names (staging, intermediate, marts, reference) and not in
    dbt's default "<target>_<custom>" form: BI users and the publish step address `marts.<table>`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name | trim if custom_schema_name else target.schema }}
{%- endmacro %}
