{#- For an incremental model over `int_cases__as_of`-shaped rows (election_id, as_of_date): the rows of
    the as-of dates a nightly build must redo (those from the earliest snapshot each election received
    since the model was last built, see elections_changed_since), or every row in a full build. -#}
{% macro as_of_rows_to_build(relation) -%}
    {% if is_incremental() %}
    select rows_to_build.*
    from {{ relation }} as rows_to_build
    inner join ({{ elections_changed_since(ref('int_cases__classified')) }}) as changed_since
        on changed_since.election_id = rows_to_build.election_id
        and rows_to_build.as_of_date >= changed_since.since
    {% else %}
    select * from {{ relation }}
    {% endif %}
{%- endmacro %}
