-- The IKP editions the marts name, in words: every edition of the methodology, and every edition the
-- data holds that the methodology does not know yet (named by its id until a row is added for it).
with known as (
    select edition_id, edition_name, election_id, release_date, band_method, true as in_methodology
    from {{ ref('ref_ikp_editions') }}
),

seen as (
    select distinct edition_id from {{ ref('int_ikp__scores') }}
)

select * from known
union all
select
    seen.edition_id,
    seen.edition_id as edition_name,
    cast(null as varchar) as election_id,
    cast(null as date) as release_date,
    cast(null as varchar) as band_method,
    false as in_methodology
from seen
where seen.edition_id not in (select edition_id from known)
