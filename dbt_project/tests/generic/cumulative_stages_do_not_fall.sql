{#- Funnel stages are cumulative: an election's national count of ASN reported, recommended and followed
    up at one as-of date does not fall below (1 - max_drop) of the previous as-of date's. Returns each
    pair of dates where one did, with both counts: an export that lost its status column, or a partial
    export, shows up here before any mart publishes it. `model` holds one row per case and as-of date. -#}
{% test cumulative_stages_do_not_fall(model, max_drop) %}
with national as (
    select
        election_id,
        as_of_date,
        count(*) as reported,
        count(*) filter (funnel_stage = 'recommended') as recommended,
        count(*) filter (followed_up) as followed_up
    from {{ model }}
    group by election_id, as_of_date
),

compared as (
    select
        *,
        lag(as_of_date) over by_date as previous_as_of_date,
        lag(reported) over by_date as reported_before,
        lag(recommended) over by_date as recommended_before,
        lag(followed_up) over by_date as followed_up_before
    from national
    window by_date as (partition by election_id order by as_of_date)
)

select *
from compared
where reported < (1 - {{ max_drop }}) * reported_before
    or recommended < (1 - {{ max_drop }}) * recommended_before
    or followed_up < (1 - {{ max_drop }}) * followed_up_before
{% endtest %}
