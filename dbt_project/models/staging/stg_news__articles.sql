with source as (
    select * from {{ source('raw', 'news_articles') }}
),

renamed as (
    select
        article_id,
        source_file,
        source_url,
        title,
        published_date,
        duplicate_of
    from source
)

select * from renamed
