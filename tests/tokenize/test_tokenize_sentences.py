"""Sentence splitting over normalized text, with original offsets."""

from __future__ import annotations

import pytest

from rasd.document import Document
from rasd.normalize import NormalizeStage, normalize_text
from rasd.tokenize import TokenizeStage, tokenize


def sentences_of(text: str) -> list[str]:
    norm = normalize_text(text)
    _, sentences = tokenize(norm, text)
    return [text[s.start : s.end] for s in sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # full stop, question marks (Arabic and Latin), exclamation
        (
            "قتل جنديان في هجوم بسيناء. وأصيب ثلاثة آخرون.",
            ["قتل جنديان في هجوم بسيناء.", "وأصيب ثلاثة آخرون."],
        ),
        (
            "هل انسحبت القوات من سرت؟ لم يؤكد أي مصدر ذلك.",
            ["هل انسحبت القوات من سرت؟", "لم يؤكد أي مصدر ذلك."],
        ),
        ("من نفذ الهجوم? لا أحد يعرف", ["من نفذ الهجوم?", "لا أحد يعرف"]),
        ("يا للكارثة! دمرت السيول القرية", ["يا للكارثة!", "دمرت السيول القرية"]),
        # Arabic comma and semicolon separate clauses, not sentences
        (
            "قصفت الطائرات مواقع في إدلب، وقتل خمسة مدنيين؛ بحسب المرصد.",
            ["قصفت الطائرات مواقع في إدلب، وقتل خمسة مدنيين؛ بحسب المرصد."],
        ),
        # newlines end sentences (headlines, datelines)
        (
            "مقتل 4 جنود في هجوم بمالي\nباماكو - أعلن الجيش المالي مقتل أربعة جنود",
            ["مقتل 4 جنود في هجوم بمالي", "باماكو - أعلن الجيش المالي مقتل أربعة جنود"],
        ),
        ("سطر أول\n\n\nسطر ثان", ["سطر أول", "سطر ثان"]),
        # a closing quote after the period stays with the sentence it closes
        (
            "وقال الشاهد «رأيت الجثث في الشارع.» وأضاف أن القصف استمر.",
            ["وقال الشاهد «رأيت الجثث في الشارع.»", "وأضاف أن القصف استمر."],
        ),
        (
            'قال المتحدث "لن ننسحب من الحديدة." ثم غادر',
            ['قال المتحدث "لن ننسحب من الحديدة."', "ثم غادر"],
        ),
        ("انفجار في كابل!!! وسقط قتلى", ["انفجار في كابل!!!", "وسقط قتلى"]),
        ("هل قتل القائد؟!» نعم", ["هل قتل القائد؟!»", "نعم"]),
        # an opening quote after a space starts the next sentence
        ('انتهى الاجتماع. "سنرد" قال الوزير', ["انتهى الاجتماع.", '"سنرد" قال الوزير']),
        # abbreviations and initials do not end a sentence
        (
            "وصرح د. محمد الأمين مدير مستشفى الجمهورية بأن الحصيلة ارتفعت.",
            ["وصرح د. محمد الأمين مدير مستشفى الجمهورية بأن الحصيلة ارتفعت."],
        ),
        (
            "ونقلت وكالة أ.ف.ب عن مصدر أمني أن الانفجار وقع قرب السوق.",
            ["ونقلت وكالة أ.ف.ب عن مصدر أمني أن الانفجار وقع قرب السوق."],
        ),
        ("قالت و.ا.ف إن المسلحين فروا", ["قالت و.ا.ف إن المسلحين فروا"]),
        ("Reuters said U.S. forces withdrew", ["Reuters said U.S. forces withdrew"]),
        # decimals and dates are numbers, not sentence ends
        (
            "ارتفع عدد النازحين 3.5 بالمئة منذ 15.5.2015 في دارفور.",
            ["ارتفع عدد النازحين 3.5 بالمئة منذ 15.5.2015 في دارفور."],
        ),
        ("بلغت الخسائر ٢٫٧ مليار دولار. وتضررت المنازل", ["بلغت الخسائر ٢٫٧ مليار دولار.", "وتضررت المنازل"]),
        # a period glued to the next word still ends the sentence
        (
            "قتل 12 شخصا في بنغازي.وقال مصدر طبي إن بين القتلى أطفالا.",
            ["قتل 12 شخصا في بنغازي.", "وقال مصدر طبي إن بين القتلى أطفالا."],
        ),
        # a sentence ending on a number
        ("بلغ عدد القتلى 23. ولم تعلن أي جهة مسؤوليتها", ["بلغ عدد القتلى 23.", "ولم تعلن أي جهة مسؤوليتها"]),
        ("", []),
        ("   \n  ", []),
        ("...", ["..."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert sentences_of(text) == expected


def test_sentences_partition_tokens_and_slice_the_original():
    text = (
        "أعلنت وزارة الدفاع العراقية مقتل ١٥ مسلحاً في عملية بالأنبار.\n"
        "وقالت في بيان: «دُمّرت ثلاث عجلات مفخخة.» وأضافت أن القوات تواصل تقدمها؟ نعم!"
    )
    norm = normalize_text(text)
    tokens, sentences = tokenize(norm, text)
    assert len(sentences) == 4
    covered = []
    for i, sent in enumerate(sentences):
        assert sent.index == i
        covered.extend(range(sent.tok_start, sent.tok_end))
        assert text[sent.start : sent.end].startswith(text[tokens[sent.tok_start].start : tokens[sent.tok_start].end])
        assert (sent.nstart, sent.nend) == (tokens[sent.tok_start].nstart, tokens[sent.tok_end - 1].nend)
        for tok in tokens[sent.tok_start : sent.tok_end]:
            assert tok.sentence == i
    assert covered == list(range(len(tokens)))


def test_tokenize_stage_needs_normalize_first():
    with pytest.raises(RuntimeError):
        TokenizeStage()(Document(text="قتل"))


def test_tokenize_stage_fills_the_document():
    doc = Document(text="قتل ٣ أشخاص في غارةجوية. وأصيب آخرون")
    TokenizeStage()(NormalizeStage()(doc))
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ["قتل ٣ أشخاص في غارةجوية.", "وأصيب آخرون"]
    assert [t.norm for t in doc.tokens[:7]] == ["قتل", "3", "اشخاص", "في", "غاره", "جويه", "."]
    assert doc.sentence_at(doc.tokens[-1].start) == 1
    stage = TokenizeStage()
    assert stage.name == "tokenize" and stage.version
