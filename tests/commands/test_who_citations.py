"""A `who` citation cites the occurrence of the name nearest the title its paragraph was chosen for, so the
cited sentence states the title. Paragraphs verbatim; comments name each office."""

from __future__ import annotations

from bot.commands.who import _name_by_title
from bot.people.person import Person


def test_the_name_nearest_the_title_is_cited():
    # dallas_tx: the informant's title is stated beside his surname, in the second sentence
    text = ("Another witness, Jimmie Cotton, testified that he saw Spencer get out of Young’s car though he actually "
            "didn’t see that. And Edwards, the jailhouse informant, admitted that he falsely testified at trial")
    p = Person(0, "Danny", "Edwards", "dallas_tx", names={"Danny Edwards": 2})
    name, i = _name_by_title(p, text, "jailhouse informant")
    assert (name, i) == ("Edwards", text.index("Edwards, the jailhouse"))
    # orange_ca: the full name opens the paragraph; the title is given to the surname after it
    text = ("Tam Vu Pham, Huong Ngo, and Lan Nguyen, have pleaded guilty. Pham, the primary perpetrator, was "
            "sentenced to 12 years")
    p = Person(1, "Tam", "Pham", "orange_ca", names={"Tam Vu Pham": 1})
    assert _name_by_title(p, text, "primary perpetrator")[1] == text.index("Pham, the primary")
    # kings_ny: with no title in the paragraph, the fullest form's first occurrence
    text = "Brooklyn District Attorney Ken Thompson, together with New York City Police Commissioner William J."
    p = Person(2, "Ken", "Thompson", "kings_ny", names={"Ken Thompson": 5})
    assert _name_by_title(p, text, None) == ("Ken Thompson", text.index("Ken Thompson"))
