-- Figures the extractor read but is not sure of: held here for a person to confirm, never counted in
-- news_facts. Each row says why it was held. Copies of another article (syndication) are left out.
with held as (
    select * from {{ ref('stg_news__fact_review') }}
),

articles as (
    select * from {{ ref('stg_news__articles') }}
)

select
    held.article_id,
    articles.source_url,
    articles.title,
    articles.published_date,
    held.metric,
    held.region_code,
    regions.region_name,
    held.value,
    held.value_text,
    held.confidence,
    held.reasons,
    held.as_of_date,
    held.election_id,
    held.evidence
from held
inner join articles using (article_id)
left join {{ ref('dim_region') }} as regions using (region_code)
where articles.duplicate_of is null
