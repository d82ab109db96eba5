with source as (
    select * from {{ source('raw', 'bawaslu_ikp') }}
),

renamed as (
    select
        edition_id,
        region_code,
        case when region_code like '%.%' then 'regency' else 'province' end as region_level,
        coalesce(
            {{ fold('pendekatan') }},
            case when region_code like '%.%' then 'kejadian_kabupaten' else 'kejadian_provinsi' end
        ) as approach,
        skor as score_published,
        {{ fold('kategori') }} as category_published,
        nilai_kejadian as weighted_events,
        _file_name as source_file,
        _row_number as source_row
    from source
)

select * from renamed
