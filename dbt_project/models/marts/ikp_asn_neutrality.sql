-- The IKP ASN-neutrality index per edition, region and approach, with the category under the
-- edition's own method and ranks within the level and within the province. Province scores from
-- province-level events (kejadian_provinsi) and from the mean of the regencies (agregat_kabupaten)
-- are separate rows, ranked separately, never mixed.
with scores as (
    select * from {{ ref('int_ikp__scores') }}
),

editions as (
    select * from {{ ref('ref_ikp_editions') }}
),

spread as (
    select
        scores.*,
        editions.band_method,
        editions.sd_multiplier,
        avg(scores.score) over level_window as level_mean,
        stddev_samp(scores.score) over level_window as level_sd
    from scores
    left join editions using (edition_id)
    window level_window as (partition by scores.edition_id, scores.region_level, scores.approach)
),

banded as (
    -- a fixed band starts at its lower bound and runs to the next band's: published bands leave
    -- gaps such as 43.06 / 43.07, and a score between them belongs to the lower band
    select
        spread.edition_id,
        spread.region_code,
        spread.approach,
        bands.category
    from spread
    inner join {{ ref('ref_ikp_category_bands') }} as bands
        on bands.edition_id = spread.edition_id
        and bands.region_level = spread.region_level
        and spread.score >= bands.lower_bound
    where spread.band_method = 'fixed_bands'
    qualify row_number() over (
        partition by spread.edition_id, spread.region_code, spread.approach
        order by bands.lower_bound desc
    ) = 1
),

categorised as (
    select
        spread.*,
        case
            when spread.band_method = 'mean_sd' then
                case
                    when spread.score < spread.level_mean - spread.sd_multiplier * spread.level_sd then 'rendah'
                    when spread.score > spread.level_mean + spread.sd_multiplier * spread.level_sd then 'tinggi'
                    else 'sedang'
                end
            when spread.band_method = 'fixed_bands' then banded.category
            else regexp_extract(spread.category_published, '(rendah|sedang|tinggi)', 1)
        end as category,
        case
            when spread.band_method is not null then 'edition_method'
            when regexp_matches(spread.category_published, '(rendah|sedang|tinggi)') then 'published'
        end as category_source
    from spread
    left join banded using (edition_id, region_code, approach)
)

select
    categorised.edition_id,
    categorised.region_code,
    regions.region_name,
    categorised.region_level,
    regions.province_code,
    categorised.approach,
    categorised.score,
    categorised.score_origin,
    categorised.score_published,
    round(categorised.score_recomputed, 4) as score_recomputed,
    round(categorised.score_difference, 4) as score_difference,
    categorised.score_differs,
    categorised.weighted_events,
    categorised.regencies_in_aggregate,
    nullif(categorised.category, '') as category,
    categorised.category_source,
    categorised.category_published,
    rank() over (
        partition by categorised.edition_id, categorised.region_level, categorised.approach
        order by categorised.score desc
    ) as rank_in_level,
    case when categorised.region_level = 'regency' then rank() over (
        partition by categorised.edition_id, regions.province_code, categorised.approach
        order by categorised.score desc
    ) end as rank_in_province
from categorised
inner join {{ ref('dim_region') }} as regions using (region_code)
