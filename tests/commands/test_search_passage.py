"""Search shows the answering passage: inside the release it chose, the paragraph whose best sentence
covers the question's content words (weighted by rarity in the corpus and in the release) and holds what
the question asks for. Verbatim releases from two offices (Dallas County TX, San Diego County CA)."""

from __future__ import annotations

from dataclasses import replace

from bot.commands.passage import answer_cue, content_query
from bot.commands.search import search
from bot.commands.weights import WEIGHTS
from tests.helpers import engine_for

# Dallas County DA (dallas_tx): the Human Trafficking Unit release, paragraphs 2-7
DALLAS = (
    'For Immediate Release: Dallas County District Attorney’s Office Launches New Human Trafficking '
    'Unit During Human Trafficking Prevention Month\n\n(Dallas) – Dallas County Criminal District '
    'Attorney John Creuzot is proud to announce the creation of a dedicated Human Trafficking Unit, '
    'a major step forward in the fight against human trafficking in North Texas. This initiative is '
    'being launched during Human Trafficking Prevention Month, underscoring the office’s commitment '
    'to protecting vulnerable individuals and holding traffickers accountable.\n\nThis effort is made '
    'possible through a $207,520 grant from the Office of the Governor that funds a specialized '
    'prosecutor who will focus solely on adult and child human trafficking cases. The new Human '
    'Trafficking Team (HTT) will consist of a prosecutor, an investigator, and a victim advocate, '
    'creating a multidisciplinary approach designed to improve the prosecution of human trafficking '
    'crimes and provide critical support for survivors.\n\n“Human trafficking is one of the most '
    'heinous crimes in our society, and Dallas County remains a hotspot for these cases,” said '
    'Dallas County Criminal District Attorney John Creuzot. “This new unit strengthens our ability '
    'to prosecute traffickers and provide trauma-informed support to survivors.” Dallas is one of '
    'the top 10 cities nationwide for sex trafficking cases. These cases are often complicated to '
    'investigate and prosecute because they typically span multiple jurisdictions, contain complex '
    'evidentiary issues, and survivors often hesitate to cooperate with law enforcement and '
    'judicial proceedings. Having one dedicated prosecutor review all human trafficking cases filed '
    'with the office will help build trust and consistency with survivors. Additionally, the '
    'dedicated victim advocate will coordinate alongside the prosecutor providing regular contact '
    'with the victim, building rapport, and leading to a collaborative nature of investigation and '
    'prosecution.\n\nThe HTT will continue to foster collaboration with key partners such as the '
    'North Texas Anti- Trafficking Task Force and enhance inter-agency cooperation by being the '
    "24/7 liaison between the DA's office and local and federal partners on human trafficking "
    'cases.\n\n“Our goal is to create a justice system that not only holds traffickers accountable '
    'but also prioritizes the needs and dignity of survivors,” DA Creuzot added. “This unit '
    'embodies our commitment to transformative change and justice for all.')
# San Diego County DA (san_diego_ca): the synagogue shooter's plea, paragraphs 1-4 and the timeline
SAN_DIEGO = (
    'Synagogue Shooter Pleads Guilty, Will Serve Life in Prison\n\nJohn T. Earnest, 22, pleaded '
    'guilty today to murder and other charges in San Diego Superior Court in connection with a '
    'deadly shooting at the Chabad of Poway synagogue two years ago. There were 54 people inside '
    'the synagogue when Earnest entered the lobby and opened fire with an assault-style rifle on '
    'April 27, 2019. Lori Gilbert-Kaye, 60, was killed in the attack. Rabbi Yisroel Goldstein was '
    'shot in both hands, causing him to lose an index finger, and Noya D., then 8, and her uncle, '
    'Almog Peretz, were wounded.\n\nEarnest pleaded guilty to the willful, deliberate, premeditated '
    'murder of Ms. Kaye, and the willful, deliberate, and premeditated attempted murder of Rabbi '
    'Goldstein, Almog Peretz, and Noya D. Earnest admitted that he committed those crimes because '
    'of his bias and hatred of Jews, and he admitted that he personally discharged a firearm '
    'causing death and great bodily injury. He also pleaded guilty to the arson at the Dar-ul-Arqam '
    'mosque for the purpose of terrorizing Muslim worshipers.\n\nEarnest agreed to serve the rest of '
    'his life in prison without the possibility of parole, plus 121 years-to-life and 16 years in '
    'state prison. A sentencing hearing has been set for September 30, 2021 at 9:00 a.m. in '
    'Department 2104 downtown.\n\nEarnest Prosecution Timeline:\n\nCrime occurred on April 27, '
    '2019.\n\nArraigned on state charges on April 30, 2019.\n\nArraigned on federal charges on May 14, '
    '2019.\n\nEarnest submitted a conditional plea agreement on June 4, 2021 for consideration by '
    'federal prosecutors.\n\nDeadline for federal prosecutors to announce a decision regarding the '
    'death penalty is August 30, 2021.\n\nEarnest is next due in federal court on September 8, '
    '2021.\n\nSentencing on state charges set for September 30, 2021.')
# A third release, so corpus statistics are not those of two documents (Kings County NY, verbatim)
KINGS = ("Brooklyn District Attorney Eric Gonzalez today announced that a man has been sentenced to 15 years "
         "in prison for a shooting in Crown Heights.\n\nThe defendant was sentenced on Tuesday by Brooklyn "
         "Supreme Court Justice Danny Chun.")


def _engine(tmp_path):
    return engine_for(tmp_path, {"dallas.txt": DALLAS, "sandiego.txt": SAN_DIEGO, "kings.txt": KINGS})


def test_how_much_is_answered_by_the_amount_not_the_lede(tmp_path):
    ans = _engine(tmp_path).ask("search how much money did the governor's office give Dallas County to start "
                                "its human trafficking unit")
    assert ans.found and "$207,520 grant from the Office of the Governor" in ans.citations[0].text


def test_when_is_answered_by_the_sentence_with_the_date(tmp_path):
    ans = _engine(tmp_path).ask("search when will John Earnest be sentenced on the state charges")
    assert ans.found and "September 30, 2021" in ans.citations[0].text
    assert ans.citations[0].paragraph != 2  # not the lede, which names Earnest and the charges but no date


def test_question_words_are_not_content_words_and_cues_follow_the_question():
    assert "much" not in content_query("how much money did they pay").split()
    assert answer_cue("how much were the caregivers paid").search("paid $150 a day")
    assert answer_cue("when will he be sentenced").search("set for September 30, 2021 at 9:00 a.m.")
    assert answer_cue("why did prosecutors drop the charges").search("dismissed because the evidence")
    assert answer_cue("gang takedown agencies") is None


def test_a_query_about_words_no_release_uses_matches_nothing_in_a_large_corpus(tmp_path):
    engine = _engine(tmp_path)
    snap, cfg = engine.store.snapshot, engine.cfg.answers
    large = replace(WEIGHTS, absent_word_vocabulary=0)  # this tiny corpus stands in for a large one
    ans = search(snap, "narwhal tusk smuggling", cfg.search_results, cfg.min_relative_score, weights=large)
    assert not ans.found and not ans.citations and "'narwhal'" in ans.summary
    assert search(snap, "human trafficking unit grant", 5, cfg.min_relative_score, weights=large).found
    # a small corpus lacks ordinary words ('money', 'give'): the rule stays off and the question is answered
    assert engine.ask("search how much money did the governor give for the human trafficking unit").found
