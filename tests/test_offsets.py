"""Every mention and evidence span slices the original text exactly, whatever the noise."""

import pytest

from rasd.pipeline import extract

NOISY_ARTICLES = [
    # diacritics and tatweel
    "قُتِلَ خَمْسَةُ أشخاصٍ وأُصيـــب ١٧ آخرون بجروح في قصـــف على مدينة حلب أمس الأحد.",
    # Arabic-Indic and Persian digits, guillemets, glued words
    "أعلنت «وزارة الصحة» مقتل ۱۲ شخصا وإصابة ٣٠ آخرين في غارةجوية على بلدة في ريف إدلب فجرامس.",
    # zero-width and bidi marks, presentation forms, no-break spaces
    "قتل\u200f ثلاثة\u00a0جنود في هجوم \u202bمسلح\u202c على حاجز ﻓﻲ محافظة الأنبار، بحسب مصدر أمني.",
    # several sentences, numbers in words and digits
    "اندلعت اشتباكات عنيفة في مدينة تعز. وقال مصدر طبي إن 7 مقاتلين قتلوا. وأصيب العشرات بجروح.",
]


@pytest.mark.parametrize("text", NOISY_ARTICLES)
def test_mentions_and_evidence_slice_the_original(text):
    doc = extract(text, published="2019-05-06")
    assert doc.norm is not None and len(doc.norm.offsets) == len(doc.norm.text) + 1
    for token in doc.tokens:
        assert 0 <= token.start < token.end <= len(text)
    for mention in doc.mentions:
        assert text[mention.start : mention.end] == mention.text
    for event in doc.events:
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text
    data = doc.to_dict()
    for mention in data["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.parametrize("text", NOISY_ARTICLES)
def test_noisy_articles_still_yield_numbers(text):
    doc = extract(text, published="2019-05-06")
    assert doc.mentions_of("number"), "every sample states a count"
