"""Fingerprints: exact and near copies are similar, rewrites and other stories are not."""

from __future__ import annotations

from rasd.ingest.fingerprint import BANDS, NEAR_THRESHOLD, fingerprint

STORY = ("أفادت مصادر طبية بمقتل سبعة مدنيين وإصابة 12 آخرين اليوم الثلاثاء في غارة جوية استهدفت سوقا شعبيا "
         "في مدينة سراقب بريف إدلب الشرقي، فيما قال الدفاع المدني إن فرقه انتشلت الجثث من تحت الأنقاض "
         "ونقلت الجرحى إلى مستشفيات المنطقة، وأشار ناشطون إلى أن الطائرات عادت وقصفت أطراف المدينة مساء.")
OTHER = ("أعلنت وزارة الصحة أن حملة التطعيم ضد شلل الأطفال ستبدأ الأسبوع المقبل في جميع المحافظات، "
         "وأن الفرق الطبية ستزور المدارس والمنازل، ودعت الأهالي إلى التعاون مع العاملين في الحملة.")


def _fp(text: str, published: str | None = "2020-03-03"):
    return fingerprint(text, str(hash(text)), published)


def test_the_same_text_is_a_copy_and_shares_every_band():
    a, b = _fp(STORY), _fp(STORY)
    assert a.similarity(b) == 1.0 and a.bands == b.bands and len(a.bands) == BANDS


def test_a_wire_copy_with_its_own_byline_and_ending_is_near():
    copy = "إدلب (رويترز) - " + STORY + " (إعداد فريق التحرير)"
    a, b = _fp(STORY), _fp(copy)
    assert a.similarity(b) >= NEAR_THRESHOLD and a.may_copy(b)
    assert set(a.bands) & set(b.bands)  # LSH finds it


def test_spelling_variants_and_diacritics_do_not_matter():
    variant = STORY.replace("إصابة", "اصابة").replace("مدنيين", "مَدَنِيّين").replace("12", "١٢")
    a, b = _fp(STORY), _fp(variant)
    assert a.similarity(b) == 1.0 and a.numbers == b.numbers


def test_an_update_with_another_figure_is_not_a_copy():
    update = STORY.replace("12", "15")
    a, b = _fp(STORY), _fp(update)
    assert a.similarity(b) >= NEAR_THRESHOLD and not a.may_copy(b)


def test_another_publication_day_is_not_a_copy():
    assert not _fp(STORY, "2020-03-03").may_copy(_fp(STORY, "2020-03-04T01:00:00"))
    assert _fp(STORY, "2020-03-03T08:00:00").may_copy(_fp(STORY, "2020-03-03T21:30:00+03:00"))


def test_another_story_is_far_and_shares_no_band():
    a, b = _fp(STORY), _fp(OTHER)
    assert a.similarity(b) < 0.1 and not set(a.bands) & set(b.bands)


def test_a_text_too_short_for_a_shingle_still_has_a_fingerprint():
    fp = _fp("قتيلان")
    assert fp.shingles.size == 1 and fp.similarity(_fp("قتيلان")) == 1.0
    assert _fp("").bands == ()
