"""Plain text (and a few metadata fields) from an HTML news page, standard library only."""

from __future__ import annotations

from html.parser import HTMLParser

SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "nav", "footer", "form", "iframe"})
BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
    "header", "blockquote", "tr", "td", "th", "table", "figcaption", "main",
})
PUBLISHED_META = ("article:published_time", "datepublished", "pubdate", "date", "dc.date")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"].strip())
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS and self._skip_depth:
            self._skip_depth -= 1
        elif tag == "title":
            self._in_title = False
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._in_title:
            self.title_parts.append(data)
        else:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<?xml")) or (
        "<p>" in head or "<div" in head
    )


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Return the page's visible text (one paragraph a line) and metadata (title, published)."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    meta: dict[str, str] = {}
    title = parser.meta.get("og:title") or " ".join("".join(parser.title_parts).split())
    if title:
        meta["title"] = title
    for key in PUBLISHED_META:
        if key in parser.meta:
            meta["published"] = parser.meta[key]
            break
    return text, meta
