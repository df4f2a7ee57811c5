"""Markup to plain paragraphs: HTML through trafilatura, markdown and text by our rules.

Both paths end in a list of paragraphs (one per line of the canonical text),
so the boilerplate filter and the metadata rules see the same shape whatever
the input was.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# link text holds no "[": a run of "[" then costs one step per bracket, not the rest of the line
_LINK = re.compile(r"\[([^\[\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]{0,200}>")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_ITALIC_UNDER = re.compile(r"(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^\s{0,3}(?:[-+*]|\d{1,3}[.)])\s+(?=\S)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_STRAY_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
TAG_MAX = 4000
_LONG_TAG = re.compile(rf"<([a-zA-Z][\w:-]{{0,40}}+)(?=[\s/])[^<>]{{{TAG_MAX},}}+>")
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]$")
# Bounds that keep every later stage's work proportional to the text: the
# tokenizer is quadratic in one token's length and the parser and extractors
# in one sentence's, so longer runs are split (never dropped).
TOKEN_MAX = 200  # longer than any word or ordinary URL
LINE_MAX = 2000  # a paragraph longer than this is cut at a sentence end into several
_LONG_TOKEN = re.compile(rf"\S{{{TOKEN_MAX}}}(?=\S)")
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]?\s")


@dataclass(frozen=True, slots=True)
class Extracted:
    """Paragraphs plus what the page's own metadata said."""

    paragraphs: list[str]
    title: str | None = None
    author: str | None = None
    published: date | None = None
    sitename: str | None = None
    url: str | None = None


def normalise(text: str) -> str:
    """NFC, one kind of space, no control characters: offsets must be stable."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines back into paragraphs; blank lines separate them.

    A line continues the previous one when that one did not end a sentence
    and this one starts in lower case, as hard-wrapped prose does.
    """
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and not _TERMINAL.search(current) and line[:1].islower():
            current = f"{current} {line}"
        else:
            if current:
                paragraphs.append(current)
            current = line
    if current:
        paragraphs.append(current)
    return paragraphs


def bounded(paragraphs: list[str]) -> list[str]:
    """Paragraphs with no token over TOKEN_MAX and no line over LINE_MAX characters."""
    out: list[str] = []
    for paragraph in paragraphs:
        rest = _LONG_TOKEN.sub(lambda m: m.group() + " ", paragraph)
        while len(rest) > LINE_MAX:
            cut = _cut_point(rest[:LINE_MAX])
            out.append(rest[:cut].strip())
            rest = rest[cut:].strip()
        if rest:
            out.append(rest)
    return [p for p in out if p]


def _cut_point(window: str) -> int:
    """The last sentence end in the window's second half, else its last space."""
    half = len(window) // 2
    ends = [m.end() for m in _SENTENCE_END.finditer(window, half)]
    if ends:
        return ends[-1]
    space = window.rfind(" ", half)
    return space if space > 0 else len(window)


def _strip_markdown_line(line: str) -> str:
    if _RULE.match(line):
        return ""
    line = _HEADING.sub("", line)
    line = _QUOTE.sub("", line)
    line = _BULLET.sub("", line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _BOLD.sub(r"\2", line)
    line = _ITALIC_STAR.sub(r"\1", line)
    line = _ITALIC_UNDER.sub(r"\1", line)
    line = line.replace("\\*", "*").replace("\\_", "_")
    return _STRAY_EMPHASIS.sub("", line.strip()).strip()


def markdown_paragraphs(content: str) -> Extracted:
    """Markdown scrape -> paragraphs; the first heading is the title."""
    title = None
    lines = []
    for raw in normalise(content).split("\n"):
        if title is None and _HEADING.match(raw):
            title = _strip_markdown_line(raw) or None
            lines.append("")
            continue
        lines.append(_strip_markdown_line(raw))
    return Extracted(paragraphs=unwrap(lines), title=title)


def text_paragraphs(content: str) -> Extracted:
    return Extracted(paragraphs=unwrap(normalise(content).split("\n")))


def html_paragraphs(content: str, url: str | None = None) -> Extracted:
    """trafilatura for body and metadata; lxml's text when it finds no body.

    trafilatura is the best-kept open extractor; it gives up on fragments and
    badly truncated pages, where the visible text is still better than nothing.
    """
    import trafilatura

    content = tame_markup(content)
    try:
        result = trafilatura.bare_extraction(
            content,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
        )
    except Exception:  # trafilatura raises assorted lxml errors on broken markup
        result = None
    text = getattr(result, "text", None) if result is not None else None
    if not text:
        return Extracted(paragraphs=unwrap(normalise(_visible_text(content)).split("\n")))
    published = None
    raw_date = getattr(result, "date", None)
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    paragraphs = [p for p in normalise(text).split("\n") if p]
    title = getattr(result, "title", None)
    if title and len(paragraphs) > 1 and normalise(title) == paragraphs[0]:
        paragraphs = paragraphs[1:]
    return Extracted(
        paragraphs=paragraphs,
        title=normalise(title) if title else None,
        author=getattr(result, "author", None),
        published=published,
        sitename=getattr(result, "sitename", None),
        url=getattr(result, "url", None) or url,
    )


class _VisibleText(HTMLParser):
    """Visible text of any markup, one block per line: a flat event stream, so
    no nesting depth or broken structure can make it give up."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # depth inside script, style, nav and the like

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


_HIDDEN = frozenset({"script", "style", "noscript", "nav", "header", "footer", "template"})
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "section",
        "article",
        "main",
        "aside",
        "table",
        "tr",
        "td",
        "th",
        "dd",
        "dt",
        "figcaption",
        "title",
    ]
)


def _visible_text(content: str) -> str:
    parser = _VisibleText()
    parser.feed(content)
    parser.close()
    return "".join(parser.parts)


def tame_markup(content: str) -> str:
    """Tags longer than TAG_MAX lose their attributes: lxml is quadratic in a
    tag's attribute count, and no text lives in attributes."""
    return _LONG_TAG.sub(r"<\1>", content)
