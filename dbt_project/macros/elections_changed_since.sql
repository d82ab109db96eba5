{#- For an incremental model built from case snapshots: each election that received snapshots since
    the model was last built (rows of `cases` loaded after the newest `loaded_at` in the model), with
    the earliest such snapshot date, which is where the election's figures start to change. Snapshot
    dates in the rebuild window (`in_window`) count as received. -#}
{% macro elections_changed_since(cases) -%}
    select election_id, min(snapshot_date) as since
    from {{ cases }}
    where loaded_at > (select coalesce(max(loaded_at), timestamp '1900-01-01') from {{ this }})
        or {{ in_window('snapshot_date') }}
    group by election_id
{%- endmacro %}
