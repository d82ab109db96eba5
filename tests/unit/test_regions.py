import pytest

from ingest.regions import region_resolver


@pytest.fixture(scope="module")
def resolver():
    return region_resolver()


def test_every_official_name_resolves(resolver):
    assert len(resolver.province_names) == 38
    assert len(resolver.regencies) == 514
    for code, name in resolver.province_names.items():
        assert resolver.resolve(name, None).code == code
    for code, regency in resolver.regencies.items():
        province = resolver.province_names[regency.province_code]
        assert resolver.resolve(province, regency.name).code == code, regency.name


@pytest.mark.parametrize(
    ("province", "regency", "code"),
    [
        ("Banten", "Kab. Serang", "36.04"),
        ("BANTEN", "KAB SERANG", "36.04"),
        ("Banten", "Kabupaten Serang", "36.04"),
        ("Banten", "Kota Serang", "36.73"),
        (None, "Tangsel", "36.74"),
        ("Sulawesi Utara", "Sitaro", "71.09"),
        ("Sulawesi Selatan", "Pangkep", "73.10"),
        ("Provinsi Banten", None, "36"),
        ("DKI Jakarta", "Kepulauan Seribu", "31.01"),
    ],
)
def test_spelling_variants(resolver, province, regency, code):
    assert resolver.resolve(province, regency).code == code


def test_bare_ambiguous_name_is_not_guessed(resolver):
    result = resolver.resolve("Banten", "Serang")
    assert result.code is None
    assert "Kabupaten Serang (36.04)" in result.problem and "Kota Serang (36.73)" in result.problem


def test_undotted_code_is_refused_because_bps_codes_look_alike(resolver):
    result = resolver.resolve(None, None, "3601")
    assert result.code is None and "BPS" in result.problem


def test_regency_outside_its_province(resolver):
    result = resolver.resolve("Jawa Barat", "Kota Serang")
    assert result.code is None and "not in province 32" in result.problem


def test_every_region_resolves_from_its_common_variants(resolver):
    for code, name in resolver.province_names.items():
        for variant in (name.upper(), f"Provinsi {name}", f"Prov. {name}"):
            assert resolver.resolve(variant, None).code == code, variant
    for code, regency in resolver.regencies.items():
        province = resolver.province_names[regency.province_code]
        core = regency.name.split(" ", 1)[1]
        variants = [regency.name.upper(), regency.name.lower()]
        if regency.kind == "Kabupaten":
            variants += [f"Kab. {core}", f"KAB {core.upper()}", f"Kab {core}"]
        else:
            variants += [f"KOTA {core.upper()}"]
        for variant in variants:
            assert resolver.resolve(province, variant).code == code, variant


def test_close_spelling_matches_only_within_the_province_and_above_the_threshold(resolver):
    fuzzy = resolver.resolve("Banten", "Kabupaten Pandeglan")
    assert (fuzzy.code, fuzzy.method) == ("36.01", "fuzzy")
    assert resolver.resolve(None, "Kabupaten Pandeglan").code is None
    assert "close to Kabupaten Serang (36.04) or Kota Serang (36.73)" in resolver.resolve("Banten", "Serangg").problem
    assert resolver.resolve("Banten", "Kab. Tangerang Selatan").code is None  # it is a Kota: not guessed


def test_pre_2022_papua_codes_follow_the_crosswalk(resolver):
    merauke = resolver.resolve(None, None, "91.01")
    assert (merauke.code, merauke.method) == ("93.01", "crosswalk")
    assert resolver.name_of("93.01") == "Kabupaten Merauke"
    assert resolver.resolve(None, None, "92.03").code == "92.03"  # Fak Fak kept its code
