{#- Fold free text for joining against a vocabulary seed: "Dalam  Proses " -> "dalam_proses".
    The same folding as ingest/headers.py:fold, so seeds match whatever case and spacing exports use. -#}
{% macro fold(expression) -%}
    trim(regexp_replace(lower(trim({{ expression }})), '[^a-z0-9]+', '_', 'g'), '_')
{%- endmacro %}
