{#- KASN and BKN export cases in one shape: one staging body serves both sources. -#}
{% macro stage_case_export(source_table, case_source) -%}
with source as (
    select * from {{ source('raw', source_table) }}
),

renamed as (
    select
        '{{ case_source }}' as case_source,
        cast(_batch_key as date) as snapshot_date,
        nomor_laporan as report_number,
        tanggal_laporan as reported_date,
        election_id,
        asn_pseudonym,
        region_code,
        jenis_pelanggaran as violation_text,
        status as status_text,
        tanggal_rekomendasi as recommendation_date,
        jenis_sanksi as sanction_text,
        instansi as agency_text,
        tindak_lanjut_ppk as ppk_followup_text,
        tanggal_tindak_lanjut as followup_date,
        nomor_register as bawaslu_register_number,
        _file_name as source_file,
        _row_number as source_row,
        _loaded_at as loaded_at
    from source
)

select * from renamed
{%- endmacro %}
