with source as (
    select * from {{ source('raw', 'news_fact_review') }}
),

renamed as (
    select
        article_id,
        metric,
        region_code,
        value,
        value_text,
        as_of_date,
        election_id,
        confidence,
        reasons,
        evidence
    from source
)

select * from renamed
