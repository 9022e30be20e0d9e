from bot.wording import human_join, plural


def test_plural_and_join():
    assert plural(1, "release") == "1 release"
    assert plural(2, "release") == "2 releases" and plural(0, "release") == "0 releases"
    assert plural(3, "person") == "3 people" and plural(2, "city") == "2 cities"
    assert plural(1, "person") == "1 person"
    assert human_join(["a"]) == "a" and human_join(["a", "b"]) == "a and b"
    assert human_join(["a", "b", "c"]) == "a, b and c"
