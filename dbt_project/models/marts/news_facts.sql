-- Facts stated in news articles, each with the sentence that states it. Articles recognised as
-- copies of another (syndication) contribute nothing of their own.
with facts as (
    select * from {{ ref('stg_news__facts') }}
),

articles as (
    select * from {{ ref('stg_news__articles') }}
)

select
    facts.article_id,
    articles.source_url,
    articles.title,
    articles.published_date,
    facts.metric,
    facts.region_code,
    regions.region_name,
    facts.value,
    facts.value_text,
    facts.as_of_date,
    facts.election_id,
    facts.evidence
from facts
inner join articles using (article_id)
left join {{ ref('dim_region') }} as regions using (region_code)
where articles.duplicate_of is null
