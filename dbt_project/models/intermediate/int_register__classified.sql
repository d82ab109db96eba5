-- Bawaslu register entries with type, registration, outcome and forwarding mapped to controlled values.
with register as (
    select * from {{ ref('stg_bawaslu__violation_register') }}
),

vocabulary as (
    select field, {{ fold('value') }} as value_key, meaning from {{ ref('ref_register_vocabulary') }}
),

classified as (
    select
        register.*,
        coalesce(types.meaning, 'lainnya') as violation_type,
        registration.meaning = 'registered' as is_registered,
        outcome.meaning = 'violation' as is_violation,
        coalesce(forwarding.meaning = 'asn_body', false) as forwarded_to_asn_body
    from register
    left join vocabulary as types
        on types.field = 'jenis_pelanggaran' and types.value_key = {{ fold('register.violation_text') }}
    left join vocabulary as registration
        on registration.field = 'status_registrasi' and registration.value_key = {{ fold('register.registration_text') }}
    left join vocabulary as outcome
        on outcome.field = 'hasil' and outcome.value_key = {{ fold('register.outcome_text') }}
    left join vocabulary as forwarding
        on forwarding.field = 'diteruskan_ke' and forwarding.value_key = {{ fold('register.forwarded_to') }}
)

select * from classified
