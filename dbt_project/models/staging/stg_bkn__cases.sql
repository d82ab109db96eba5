{{ stage_case_export('bkn', 'BKN') }}
