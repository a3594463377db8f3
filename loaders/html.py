"""Article text out of an HTML page (stdlib html.parser), as pieces that keep offsets into the page."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose text is never article text.
_DROP = {"script", "style", "noscript", "template", "svg", "nav", "aside", "form", "menu", "button", "select"}
_DROP |= {"iframe", "object", "canvas", "textarea", "dialog", "head"}
# Dropped only outside <article>/<main>: the page's banner and footer, not the article's own header.
_PAGE_CHROME = {"header", "footer"}
_ROLES = {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog"}
# class/id words of page furniture: menus, sharing, recirculation, comments, ads, pop-ups
_BOILER = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|cookies?|share|sharing|social|sidebar|advert|ads?|promo"
    r"|related|recirc|newsletter|subscribe|comments?|widget|masthead|popup|modal|outbrain|taboola)(?:$|[\s_-])",
    re.I,
)
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "blockquote", "figure"}
_BLOCK |= {
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "dd",
    "dt",
    "dl",
    "address",
    "body",
    "td",
    "th",
}
# Never dropped for a class name: CMSs put "has-sidebar" or "tag-related" on the page's own frame.
_FRAME = {"html", "body", "main", "article"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_COLLAPSE = re.compile(r"\s{2,}|[^\S ]|^ | $")
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "track"}
_DATE_META = {
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publish-date",
}
_DATE_META |= {"dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date"}


@dataclass
class HtmlText:
    """What a page yields: text pieces over the raw page, heading and article starts, metadata."""

    pieces: list[tuple[int, int, str | None]] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)  # raw offsets where a heading's text starts
    articles: list[int] = field(default_factory=list)  # raw offsets where an <article> starts
    times: list[tuple[int, str]] = field(default_factory=list)  # (raw offset, datetime) of each <time>
    title: str | None = None
    date: str | None = None


class _Extractor(HTMLParser):
    def __init__(self, raw: str, scoped: bool, by_class: bool = True):
        super().__init__(convert_charrefs=False)
        self.raw, self.scoped, self.by_class, self.out = raw, scoped, by_class, HtmlText()
        self._lines = [0] + [m.end() for m in re.finditer("\n", raw)]
        self._stack: list[tuple[str, bool]] = []  # open elements, and whether each one drops its content
        self._dropping = 0
        self._inside = 0  # open <article>/<main> elements
        self._pending_break = False
        self._at_block_start = True
        self._heading_open = False
        self._title: list[str] | None = None
        self._titles: dict[str, str] = {}
        self._time: str | None = None

    def _pos(self) -> int:
        line, col = self.getpos()
        return self._lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and a.get("content"):
                self.out.date = self.out.date or a["content"]
            if key in ("og:title", "twitter:title") and a.get("content"):
                self._titles.setdefault("og", html.unescape(a["content"]))
        if tag == "time" and a.get("datetime") and not self._dropping:
            self._time = self._time or a["datetime"]
            self.out.times.append((self._pos(), a["datetime"]))
        if tag in _VOID:
            if tag == "br":
                self._emit_break("\n")
            return
        drop = (
            tag in _DROP
            or (tag in _PAGE_CHROME and not self._inside)
            or a.get("role", "").lower() in _ROLES
            or a.get("aria-hidden") == "true"
            or "hidden" in a
            or re.search(r"display\s*:\s*none", a.get("style", ""), re.I) is not None
            or (
                self.by_class
                and tag not in _FRAME
                and bool(_BOILER.search(a.get("class", "") + " " + a.get("id", "")))
            )
        )
        self._stack.append((tag, drop))
        self._dropping += drop
        if tag in ("article", "main"):
            self._inside += 1
            if tag == "article" and not self._dropping:
                self.out.articles.append(self._pos())
        if tag == "title":
            self._title = []
        if tag in _BLOCK:
            self._pending_break = True
        if tag in _HEADINGS:
            self._heading_open = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            self._titles.setdefault("title", " ".join("".join(self._title).split()))
            self._title = None
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                for name, drop in self._stack[i:]:
                    self._dropping -= drop
                    self._inside -= name in ("article", "main")
                del self._stack[i:]
                break
        if tag in _BLOCK:
            self._pending_break = True

    def _emit_break(self, text: str) -> None:
        if self.out.pieces and not self._dropping and not (self.scoped and not self._inside):
            pos = self._pos()
            self.out.pieces.append((pos, pos, text))
            self._at_block_start = True

    def _emit(self, start: int, end: int, text: str | None) -> None:
        if self._dropping or (self.scoped and not self._inside):
            return
        if self._pending_break:
            self._pending_break = False
            if self.out.pieces:
                self.out.pieces.append((start, start, "\n\n"))
            self._at_block_start = True
        if self._heading_open and self._at_block_start:
            self.out.headings.add(start)
        self._heading_open = False
        self._at_block_start = False
        self.out.pieces.append((start, end, text))

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
            return
        if self._dropping or (self.scoped and not self._inside):
            return
        start, pos = self._pos(), 0
        # HTML collapses any run of white space to one space; a lone plain space inside the text stays.
        for m in _COLLAPSE.finditer(data):
            if m.start() > pos:
                self._emit(start + pos, start + m.start(), None)
            if not self._at_block_start and not self._pending_break:
                self._emit(start + m.start(), start + m.end(), " ")
            pos = m.end()
        if pos < len(data):
            self._emit(start + pos, start + len(data), None)

    def _ref(self, text: str, width: int) -> None:
        start = self._pos()
        if self.raw.startswith(";", start + width):
            width += 1
        if self._title is not None:
            self._title.append(text)
        else:
            self._emit(start, start + width, text)

    def handle_entityref(self, name: str) -> None:
        self._ref(html.unescape(f"&{name};"), len(name) + 1)

    def handle_charref(self, name: str) -> None:
        self._ref(html.unescape(f"&#{name};"), len(name) + 2)


def extract_html(raw: str) -> HtmlText:
    """The article text of a page: <article>/<main> when present, without navigation and scripts.

    >>> page = "<nav>Home</nav><main><h1>Big news</h1><p>Caf&eacute; <b>opens</b>.</p></main>"
    >>> out = extract_html(page)
    >>> "".join(page[a:b] if t is None else t for a, b, t in out.pieces)
    'Big news\\n\\nCafé opens.'
    """
    out, parser = _parse(raw, scoped=re.search(r"<(?:article|main)\b", raw, re.I) is not None)
    if _length(out) < 500:
        # Little text: the page's <article>s may be sidebar teasers, or a class name such as
        # "content-with-sidebar" hid the story. Read the whole page (first still dropping by class,
        # then not) and keep that when it holds much more text.
        for by_class in (True, False):
            whole, whole_parser = _parse(raw, scoped=False, by_class=by_class)
            if _length(whole) > 3 * max(_length(out), 1) and _length(whole) > 100:
                out, parser = whole, whole_parser
                break
    out.date = out.date or parser._time
    out.title = parser._titles.get("og") or parser._titles.get("title") or None
    return out


def _parse(raw: str, scoped: bool, by_class: bool = True) -> tuple[HtmlText, _Extractor]:
    parser = _Extractor(raw, scoped, by_class)
    parser.feed(raw)
    parser.close()
    return parser.out, parser


def _length(out: HtmlText) -> int:
    return sum((b - a if t is None else len(t)) for a, b, t in out.pieces)
