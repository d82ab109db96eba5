{{ stage_case_export('kasn', 'KASN') }}
