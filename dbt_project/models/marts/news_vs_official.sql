-- Each news figure beside the official figure for the same metric and region: funnel figures against
-- the official funnel at the latest as-of date on or before the figure's own date (its "as of" date,
-- else the publication date), IKP scores and ranks against the latest edition released by then.
with facts as (
    select
        *,
        coalesce(as_of_date, published_date) as stated_for
    from {{ ref('news_facts') }}
),

funnel as (
    unpivot (
        select
            election_id, region_code, as_of_date,
            asn_reported, asn_recommended, asn_followed_up, asn_not_proven,
            round(100 * followup_rate, 2) as followup_rate_pct
        from {{ ref('sanction_funnel_history') }}
    )
    on asn_reported, asn_recommended, asn_followed_up, asn_not_proven, followup_rate_pct
    into name metric value official_value
),

funnel_matches as (
    select
        facts.article_id,
        facts.metric,
        facts.region_code,
        facts.value as news_value,
        cast(funnel.official_value as double) as official_value,
        funnel.as_of_date as official_as_of,
        funnel.election_id as official_source
    from facts
    inner join funnel
        on funnel.metric = facts.metric
        and funnel.region_code = facts.region_code
        and funnel.as_of_date <= facts.stated_for
        and (facts.election_id is null or funnel.election_id = facts.election_id)
    qualify row_number() over (
        partition by facts.article_id, facts.metric, facts.region_code, facts.value
        order by funnel.as_of_date desc
    ) = 1
),

ikp as (
    select
        ikp.edition_id,
        ikp.region_code,
        ikp.approach,
        ikp.score,
        ikp.rank_in_level,
        editions.release_date
    from {{ ref('ikp_asn_neutrality') }} as ikp
    inner join {{ ref('ref_ikp_editions') }} as editions using (edition_id)
    -- a news score is the region's own (event-based) score, not the regency aggregate
    where ikp.approach <> 'agregat_kabupaten'
),

ikp_matches as (
    select
        facts.article_id,
        facts.metric,
        facts.region_code,
        facts.value as news_value,
        cast(case facts.metric when 'ikp_score' then ikp.score else ikp.rank_in_level end as double)
            as official_value,
        ikp.release_date as official_as_of,
        ikp.edition_id as official_source
    from facts
    inner join ikp
        on ikp.region_code = facts.region_code
        and ikp.release_date <= facts.stated_for
    where facts.metric in ('ikp_score', 'ikp_rank')
    qualify row_number() over (
        partition by facts.article_id, facts.metric, facts.region_code, facts.value
        order by ikp.release_date desc
    ) = 1
)

select
    *,
    round(news_value - official_value, 4) as difference
from (
    select * from funnel_matches
    union all
    select * from ikp_matches
)
