"""A saved news page -> its main text and metadata, through trafilatura (boilerplate removal:
menus, footers, related links and scripts are left out) and lxml for the page's own meta tags."""

from __future__ import annotations

from typing import Any

# meta tags that carry the publication moment with its time of day (trafilatura keeps the day only)
PUBLISHED_META = ("article:published_time", "datepublished", "pubdate", "dc.date", "date")
HTML_START = ("<!doctype html", "<html", "<head", "<body", "<?xml")
# trafilatura falls back to whatever text a page has (a menu, a button): fewer words than this is
# no news report, and the page is said to hold no article
MIN_ARTICLE_WORDS = 5


def has_article(text: str) -> bool:
    return len(text.split()) >= MIN_ARTICLE_WORDS


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(HTML_START) or "<p>" in head or "<div" in head


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """The page's main text (one paragraph a line) and what it says of itself: ``title``,
    ``published``, ``source`` (the site's name) and ``url`` when the page gives them. The text
    is empty when the page holds no article."""
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, favor_precision=True, include_comments=False,
                                        include_tables=False)
    if found is None:
        return "", {}
    doc: dict[str, Any] = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    lines = [" ".join(line.split()) for line in (doc.get("text") or "").split("\n")]
    meta = {key: str(doc[name]).strip() for key, name in (("title", "title"), ("source", "sitename"),
                                                           ("url", "url"), ("published", "date"))
            if doc.get(name)}
    stamped = _published_meta(html)
    if stamped:
        meta["published"] = stamped
    return "\n".join(line for line in lines if line), meta


BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "br")


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's body or title): no boilerplate to remove,
    so lxml's text with one line a block, without scripts and styles."""
    import lxml.html

    if "<" not in fragment:
        return " ".join(fragment.split())
    try:
        tree = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return " ".join(fragment.split())
    for node in tree.xpath("//script|//style"):
        node.drop_tree()
    for node in tree.iter(*BLOCK_TAGS):
        node.tail = "\n" + (node.tail or "")
    lines = [" ".join(line.split()) for line in tree.text_content().split("\n")]
    return "\n".join(line for line in lines if line)


def _published_meta(html: str) -> str | None:
    """The publication moment a meta tag gives, with its time of day when it has one."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    values: dict[str, str] = {}
    for tag in tree.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if key in PUBLISHED_META and content:
            values.setdefault(key, content)
    return next((values[key] for key in PUBLISHED_META if key in values), None)
