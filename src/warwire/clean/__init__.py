"""Raw documents to canonical documents: text, metadata and a content-hash id.

The cleaned text is the canonical text of a document: every span in every
later stage indexes it, so it is built once, here, and never changed.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date

from warwire.clean import metadata as meta
from warwire.clean.boilerplate import cut_inline, furniture, is_teaser_headline
from warwire.clean.language import detect_language
from warwire.clean.markup import (
    Extracted,
    bounded,
    html_paragraphs,
    markdown_paragraphs,
    text_paragraphs,
)
from warwire.config import Settings
from warwire.errors import InputError
from warwire.types import Document, RawDocument, Source

__all__ = ["clean_document", "content_id"]

log = logging.getLogger(__name__)
_HEADER_SCAN = 12  # header lines sit above the body; don't look deeper than this
_TITLE_MAX = 200
_BODY_BEFORE_COMMENTS = 2  # a comment-box line only ends an article that has begun


@dataclass(frozen=True, slots=True)
class _Body:
    paragraphs: list[str]
    found: meta.Metadata


def content_id(text: str, publisher: str | None, url: str | None) -> str:
    """The document id: the same text from the same outlet is the same document.

    The outlet is part of the id so that a repost of an article by another
    site stays a document of its own (and can be grouped as syndicated),
    while reading the same input twice yields the same id.
    """
    key = "\x1f".join([" ".join(text.split()), (publisher or "").strip().lower(), url or ""])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _split_header(paragraphs: list[str], title_known: bool) -> _Body:
    """Take title, byline, datelines and labels off the top; drop furniture anywhere.

    A document may be a single headline or alert: when the header took every
    line, the line that became the title is the text too, so extraction still
    sees it.
    """
    found = meta.Metadata()
    body: list[str] = []
    in_header = True
    in_teaser_list = False
    for index, paragraph in enumerate(paragraphs):
        if in_header and index < _HEADER_SCAN and _header_line(paragraph, found, title_known):
            continue
        in_header = False
        source = meta.original_source(paragraph)
        if source:
            found.original_source = found.original_source or source
            continue
        if in_teaser_list and is_teaser_headline(paragraph):
            log.debug("dropped teaser: %.60s", paragraph)
            continue
        in_teaser_list = False
        paragraph = cut_inline(paragraph)
        kind = furniture(paragraph)
        if kind is None:
            body.append(paragraph)
            continue
        log.debug("dropped %s: %.60s", kind.reason, paragraph)
        if kind.ends_body and len(body) >= _BODY_BEFORE_COMMENTS:
            break
        in_teaser_list = kind.opens_list
    if not body and found.title is not None and not title_known:
        body.append(found.title)
    if body:
        wire = meta.wire_dateline(body[0])
        if wire:
            length, found.wire_publisher, found.wire_date = wire
            body[0] = body[0][length:]
    return _Body(body, found)


def _header_line(line: str, found: meta.Metadata, title_known: bool) -> bool:
    dateline = meta.dateline(line)
    if dateline:
        found.datelines.append(dateline)
        return True
    author = meta.byline(line)
    if author:
        found.author = found.author or author
        return True
    if meta.is_label(line):
        return True
    kind = furniture(line)
    if kind and not kind.titled:
        return True
    if (
        not title_known
        and found.title is None
        and not found.datelines
        and len(line) <= _TITLE_MAX
        and not line.rstrip().endswith((".", ":"))
    ):
        found.title = line
        return True
    return kind is not None


def _extract(raw: RawDocument) -> Extracted:
    if raw.media_type == "html":
        return html_paragraphs(raw.content, raw.url)
    if raw.media_type == "markdown":
        return markdown_paragraphs(raw.content)
    return text_paragraphs(raw.content)


def clean_document(raw: RawDocument, settings: Settings | None = None) -> Document:
    """Clean one raw document; raises InputError when no article text remains."""
    extracted = _extract(raw)
    title = raw.title or extracted.title
    split = _split_header(bounded(extracted.paragraphs), title_known=title is not None)
    found = split.found
    if not split.paragraphs:
        raise InputError(raw.input_id, "no_text", "no article text found after cleaning")
    title = title or found.title
    original = found.original_source
    publisher = raw.publisher or found.wire_publisher
    published = raw.published or found.wire_date
    original_published: date | None = None
    for line in found.datelines:
        if meta.same_outlet(line.name, original) and not meta.same_outlet(line.name, publisher):
            original_published = original_published or line.when
        elif publisher is None or meta.same_outlet(line.name, publisher):
            publisher = publisher or line.name
            published = published or line.when
        elif original is None:
            original, original_published = line.name, line.when
    publisher = publisher or extracted.sitename
    if publisher is None and original_published is not None:
        # Only the original outlet's own dateline: the page is that outlet's.
        publisher, published = original, published or original_published
    published = published or extracted.published
    author = raw.author or found.author or extracted.author
    if meta.same_outlet(original, publisher):
        original, original_published = None, None
    text = "\n\n".join(split.paragraphs)
    url = raw.url or extracted.url
    return Document(
        doc_id=content_id(text, publisher, url),
        input_id=raw.input_id,
        text=text,
        title=title,
        published=published,
        original_published=original_published,
        source=Source(publisher=publisher, url=url, original_source=original, author=author),
        language=detect_language(text if not title or title in text else f"{title}\n{text}"),
        media_type=raw.media_type,
    )
