with source as (
    select * from {{ source('raw', 'bawaslu_cases') }}
),

renamed as (
    select
        cast(_batch_key as date) as snapshot_date,
        nomor_register as register_number,
        tanggal as register_date,
        election_id,
        {{ fold('asal') }} as origin,
        region_code,
        jenis_pelanggaran as violation_text,
        status_registrasi as registration_text,
        hasil as outcome_text,
        diteruskan_ke as forwarded_to,
        jumlah_asn as asn_count,
        _file_name as source_file,
        _row_number as source_row
    from source
)

select * from renamed
