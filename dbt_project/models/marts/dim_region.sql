-- Every region a mart can name: the 38 provinces, the 514 regencies and cities, and `ID` for the nation.
select code as region_code, name as region_name, 'province' as region_level, code as province_code
from {{ ref('ref_provinces') }}
union all
select code, name, 'regency', province_code
from {{ ref('ref_regencies') }}
union all
select 'ID', 'Indonesia', 'national', null
