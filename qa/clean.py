"""Turn a raw news page (text, Markdown or HTML) into a clean article: title plus body.

The rules are generic syndication boilerplate (share prompts, follow-us lines, newsletter and
donation pleas, "read the original" links, machine-translation disclaimers, consent notices,
separator rows, duplicated title lines), not patterns of any particular file. Paragraphs are
kept verbatim and joined by blank lines; offsets of citations point into that cleaned text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from qa.text import fold

# Paragraphs matching one of these (on folded text) are boilerplate, whatever their length.
_BOILERPLATE = [
    # page furniture: share/print buttons, bylines and "read more" labels alone on a line
    r"^(partage[rz]?|partagez(-le| cet article)?|share( this( article| story)?)?|tweet(er)?|"
    r"imprimer|print|tendance|trending|publie le|published( on)?|on|par|by|lire aussi|"
    r"a lire aussi|read more|related|publicite|advertisement|sponsored)\s*:?$",
    # calls to the reader: follow, subscribe, share with a friend, like this article
    r"^(suivez|follow|abonnez|subscribe|inscrivez)[- ](nous|us|vous)\b",
    r"\bnewsletters?\b",
    r"\b(partagez|share)[- ](le|la|it|this)\b.{0,30}\b(ami|amis|friends?|proches)\b",
    r"\b(aime[rz]?|appreciez|like[ds]?|enjoy(ed)?)\b.{0,10}\b(cet|notre|this|our) "
    r"(article|story|post)\b",
    # the outlet's own funding: donations, advertisers, "your support"
    r"\bpaypal\b|\bfaire un don\b|\bdonat(e|ion)\b|\b(votre|your) (soutien|support)\b|"
    r"\b(nos|our) (annonceurs|advertisers|sponsors|abonnes|subscribers)\b",
    # links to the source page and translation notices
    r"\b(lire|voir|read|see) (l.|the )?(article|version) original|\boriginal (article|story)\b|"
    r"\bsource originale?\b\s*:",
    r"\b(automatically generated|generee?s? automatiquement|traduction automatique|"
    r"machine[- ]translat|traduit automatiquement)\b",
    # consent and opt-out notices, editorial disclaimers, copyright lines
    r"\b(desinscrire|desabonner|unsubscribe|opt[- ]out)\b|\bcookies?\b.*\b(accept|consent)",
    r"\bpas necessairement (celles?|ceux|les (opinions|positions|vues))\b|"
    r"\bnecessarily (reflect|represent)\b",
    r"^(copyright|©|\(c\))",
    r"\babonnez[- ]vous pour\b|\barticles? gratuits?\b|\bsubscribe (now|to read|for)\b",
]
_BOILERPLATE_RE = [re.compile(p) for p in _BOILERPLATE]
_SEPARATOR_RE = re.compile(r"^[\W_]+$")  # rows of *, -, = ...


@dataclass(frozen=True)
class CleanArticle:
    """A cleaned article: its title and body text (title is also the body's first paragraph)."""

    title: str
    text: str


def is_boilerplate(paragraph: str) -> bool:
    """True for a paragraph that carries no article content."""
    folded = fold(paragraph.strip())
    if not folded or _SEPARATOR_RE.match(folded):
        return True
    if any(rx.search(folded) for rx in _BOILERPLATE_RE):
        return True
    # Navigation crumbs: one or two words with no sentence punctuation ("Défense", "on").
    return len(folded.split()) <= 2 and not re.search(r"[.!?:;]$", folded) and not any(
        c.isdigit() for c in folded
    )


def clean_text(raw: str, fallback_title: str = "") -> CleanArticle:
    """Clean plain text or Markdown: drop boilerplate paragraphs and duplicated lines."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    raw = re.sub(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", raw)
    kept: list[str] = []
    seen: set[str] = set()
    for block in re.split(r"\n\s*\n|\n(?=\S)", raw):
        paragraph = _strip_markdown(block.strip())
        paragraph = re.sub(r"[ \t]+", " ", paragraph).strip()
        if not paragraph or is_boilerplate(paragraph):
            continue
        key = fold(paragraph)
        if key in seen:  # a title or lead repeated by the page template
            continue
        seen.add(key)
        kept.append(paragraph)
    title = next((p for p in kept if len(p.split()) >= 3), fallback_title)
    title = title if len(title) <= 200 else title[:197].rsplit(" ", 1)[0] + "..."
    return CleanArticle(title=title or fallback_title, text="\n\n".join(kept))


def _strip_markdown(paragraph: str) -> str:
    paragraph = re.sub(r"^#{1,6}\s+", "", paragraph)
    paragraph = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", paragraph)
    paragraph = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", paragraph)
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", paragraph)


class _HTMLText(HTMLParser):
    """Collects visible text with a newline at each block element; skips scripts and chrome."""

    _SKIP = {"script", "style", "nav", "footer", "header", "aside", "form", "noscript", "svg"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
              "blockquote", "tr", "title", "figcaption"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.h1 = ""
        self._skip = 0
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skip += 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        current = self._in[-1] if self._in else ""
        if current == "title":
            self.title += data
            return
        if self._skip:
            return
        if current == "h1":
            self.h1 += data
        self.parts.append(data.replace("\n", " "))


def clean_html(raw: str, fallback_title: str = "") -> CleanArticle:
    """Clean an HTML page: visible text of the content, then the plain-text rules."""
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    body = clean_text("".join(parser.parts), fallback_title)
    title = (parser.h1 or parser.title).strip() or body.title
    title = re.sub(r"\s+", " ", title)
    text = body.text
    if title and not fold(text).startswith(fold(title)):
        text = f"{title}\n\n{text}" if text else title
    return CleanArticle(title=title, text=text)
