-- Bawaslu's register as it stands: each register entry once, from the newest file that lists it. A
-- file's as-of date is its tanggal_ekspor, else the date in its name, else its latest entry date, else
-- the day it was loaded (ingest/batches.py), so registers exported in parts, with or without dates,
-- all count, and a later export of an entry updates it.
with source as (
    select * from {{ source('raw', 'bawaslu_cases') }}
),

renamed as (
    select
        _as_of_date as as_of_date,
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
        _row_number as source_row,
        _loaded_at as loaded_at
    from source
)

select * from renamed
qualify row_number() over (
    partition by election_id, register_number
    order by as_of_date desc, loaded_at desc, source_file desc
) = 1
