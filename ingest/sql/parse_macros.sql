-- Value parsing for Indonesian exports, run inside DuckDB so that a million-row snapshot is typed in
-- one vectorised pass instead of row by row in Python. Each macro returns NULL for text it cannot
-- read; the loader turns "present but NULL after parsing" into a quarantine reason.

-- Month number from an Indonesian or English month name or abbreviation ("Agustus", "Agt", "Aug").
CREATE OR REPLACE MACRO netra_month_number(name) AS (
    CASE left(lower(trim(name)), 3)
        WHEN 'jan' THEN 1 WHEN 'feb' THEN 2 WHEN 'peb' THEN 2 WHEN 'mar' THEN 3
        WHEN 'apr' THEN 4 WHEN 'mei' THEN 5 WHEN 'may' THEN 5 WHEN 'jun' THEN 6
        WHEN 'jul' THEN 7 WHEN 'agu' THEN 8 WHEN 'agt' THEN 8 WHEN 'aug' THEN 8
        WHEN 'sep' THEN 9 WHEN 'okt' THEN 10 WHEN 'oct' THEN 10 WHEN 'nov' THEN 11
        WHEN 'nop' THEN 11 WHEN 'des' THEN 12 WHEN 'dec' THEN 12
    END
);

-- Dates as exports write them: 2020-09-23, 23/09/2020, 23-9-2020, "Rabu (23/9/2020)",
-- "23 September 2020", and Excel serial day numbers (days since 1899-12-30).
CREATE OR REPLACE MACRO netra_parse_date(value) AS (
    CASE
        WHEN value IS NULL OR trim(value) = '' THEN NULL
        WHEN regexp_matches(value, '^\s*\d{4}-\d{1,2}-\d{1,2}')
            THEN try_strptime(regexp_extract(value, '(\d{4}-\d{1,2}-\d{1,2})', 1), '%Y-%m-%d')::DATE
        WHEN regexp_matches(value, '\d{1,2}[/.-]\d{1,2}[/.-]\d{4}')
            THEN try_strptime(
                regexp_replace(regexp_extract(value, '(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})', 1), '[.-]', '/', 'g'),
                '%d/%m/%Y')::DATE
        WHEN regexp_matches(value, '^\s*\d{5}(\.0+)?\s*$')
            THEN DATE '1899-12-30' + CAST(floor(CAST(trim(value) AS DOUBLE)) AS INTEGER)
        WHEN regexp_matches(value, '\d{1,2}\s+[A-Za-z]+\s+\d{4}')
            THEN try(make_date(
                CAST(regexp_extract(value, '\d{1,2}\s+[A-Za-z]+\s+(\d{4})', 1) AS INTEGER),
                netra_month_number(regexp_extract(value, '\d{1,2}\s+([A-Za-z]+)\s+\d{4}', 1)),
                CAST(regexp_extract(value, '(\d{1,2})\s+[A-Za-z]+\s+\d{4}', 1) AS INTEGER)))
    END
);

-- Numbers in Indonesian notation: "22,98" (decimal comma), "1.234" and "1.234,5" (dot thousands).
-- A plain "22.98" is read as a decimal point, since no Indonesian number has a dot followed by
-- fewer or more than three digits.
CREATE OR REPLACE MACRO netra_parse_number(value) AS (
    CASE
        WHEN value IS NULL OR trim(value) = '' THEN NULL
        WHEN regexp_full_match(trim(value), '-?\d{1,3}(\.\d{3})+(,\d+)?')
            THEN TRY_CAST(replace(replace(trim(value), '.', ''), ',', '.') AS DOUBLE)
        WHEN regexp_full_match(trim(value), '-?\d+,\d+')
            THEN TRY_CAST(replace(trim(value), ',', '.') AS DOUBLE)
        WHEN regexp_full_match(trim(value), '-?\d+(\.\d+)?')
            THEN TRY_CAST(trim(value) AS DOUBLE)
    END
);

-- An 18-digit run (digits possibly grouped by spaces, dots or dashes) that is not part of a longer
-- number, masked: a NIP typed into a free-text column ("SMPN 1 (NIP 19691231 199003 1 005)") must not
-- be stored. Applied twice, because a match takes the character after it, which may be the character
-- before the next one.
CREATE OR REPLACE MACRO netra_mask_nip_once(value) AS (
    regexp_replace(value, '(^|[^0-9])[0-9](?:[ .-]?[0-9]){17}([^0-9]|$)', '\1<NIP masked>\2', 'g')
);
CREATE OR REPLACE MACRO netra_mask_nip(value) AS (
    CASE WHEN regexp_matches(value, '[0-9]{6}') OR regexp_matches(value, '[0-9][ .-][0-9]')
        THEN netra_mask_nip_once(netra_mask_nip_once(value)) ELSE value END
);
