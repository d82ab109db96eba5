from ingest.pii import pseudonymise_nip


def test_nip_becomes_keyed_pseudonym(salt):
    pseudonym, problem = pseudonymise_nip("198503122010011004", salt)
    assert problem is None
    assert pseudonym.startswith("asn_") and "198503122010011004" not in pseudonym
    assert pseudonymise_nip("19850312 201001 1 004", salt)[0] == pseudonym
    assert pseudonymise_nip("198503122010011004", b"other-salt")[0] != pseudonym


def test_excel_mangled_nip_is_a_problem_not_a_pseudonym(salt):
    pseudonym, problem = pseudonymise_nip("1.98E+17", salt)
    assert pseudonym is None and "Excel" in problem and "1.98" not in problem


def test_short_nip_is_a_problem(salt):
    assert pseudonymise_nip("12345", salt) == (None, "NIP is not 18 digits (it has 5)")
