-- IKP scores as published, beside the score recomputed from the published arithmetic:
--   * where the weighted event count is given: 100 * x / max(x) within edition, level and approach;
--   * a province's "regency aggregate": the mean of its regencies' scores in the same edition.
-- Published aggregate rows are kept and compared; aggregates nobody published are added as computed.
with published as (
    select * from {{ ref('stg_bawaslu__ikp_scores') }}
),

event_based as (
    select
        edition_id,
        region_code,
        region_level,
        approach,
        score_published,
        category_published,
        weighted_events,
        100.0 * weighted_events
            / max(weighted_events) over (partition by edition_id, region_level, approach) as score_recomputed,
        cast(null as integer) as regencies_in_aggregate
    from published
    where approach <> 'agregat_kabupaten'
),

regency_means as (
    select
        edition_id,
        {{ dbt.split_part('region_code', "'.'", 1) }} as region_code,
        -- averaged as decimals: the exact sum makes the mean the same on every run, whatever order
        -- DuckDB's threads add the scores in (a double sum can differ in its last bit, and flip a
        -- rounding such as 6.42125 -> 6.4212 / 6.4213)
        avg(cast(score_published as decimal(18, 6))) as score_recomputed,
        count(*) as regencies_in_aggregate
    from published
    where region_level = 'regency'
    group by edition_id, {{ dbt.split_part('region_code', "'.'", 1) }}
),

aggregates as (
    select
        coalesce(published.edition_id, regency_means.edition_id) as edition_id,
        coalesce(published.region_code, regency_means.region_code) as region_code,
        'province' as region_level,
        'agregat_kabupaten' as approach,
        published.score_published,
        published.category_published,
        cast(null as double) as weighted_events,
        regency_means.score_recomputed,
        regency_means.regencies_in_aggregate
    from (select * from published where approach = 'agregat_kabupaten') as published
    full outer join regency_means using (edition_id, region_code)
)

select
    *,
    case when score_published is null then 'computed' else 'published' end as score_origin,
    coalesce(score_published, round(score_recomputed, 2)) as score,
    score_published - score_recomputed as score_difference,
    coalesce(abs(score_published - score_recomputed) > 0.01, false) as score_differs
from (
    select * from event_based
    union all by name
    select * from aggregates
)
