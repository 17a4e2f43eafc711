"""Countries: ISO 3166-1 codes stored and checked, names in the reader's language, the Americas first."""
from puentes_core.countries import AMERICAS, country_choices, country_name, is_country


def test_only_iso_country_codes_pass_the_servers_check():
    assert is_country("GY") and is_country("CL") and is_country("BR")
    for code in ("XX", "EU", "UN", "ZZ", "gy", "Guyana", "", None, 12):
        assert not is_country(code)


def test_the_select_lists_the_oas_member_states_first_in_the_readers_language():
    americas, others = country_choices("es-419")
    assert [code for code, _name in americas] and {code for code, _name in americas} == set(AMERICAS)
    names = [name for _code, name in americas]
    assert names.index("Perú") < names.index("San Cristóbal y Nieves")   # accents sort as letters
    assert ("GY", "Guyana") in americas and ("GU", "Guam") in others
    assert not {code for code, _name in others} & set(AMERICAS)
    assert ("GY", "Guiana") in country_choices("pt-br")[0]


def test_a_page_reads_the_name_not_the_code():
    assert country_name("CL", "pt-br") == "Chile"
    assert country_name("US", "es-419") in ("Estados Unidos", "EE. UU.")
    assert country_name("??", "es-419") == "??"
