"""plugins/contract/speedups.py: Python-Markdown's inline patterns with faster regular
expressions that match exactly where the originals do, its raw-HTML step skipped where
it changes nothing, patterns and block processors not tried on texts without what they
need, the table of contents' marker looked for only where it can be: the same HTML."""

import random
import re

import pytest
from markdown import Markdown
from markdown.inlinepatterns import BACKTICK_RE, LINK_RE
from markdown.treeprocessors import InlineProcessor
from support import ROOT, project_settings

from plugins.contract.reader import make_markdown
from plugins.contract.speedups import (
    BLOCK_NEEDLES, FASTER, HTML_BLOCK, NEEDLES, PATTERNS, MarkerFirst, NeedleInlineProcessor,
    NeedleTest, PlainTextSkipped, SpeedupsExtension, needles,
)

FLAGS = re.DOTALL | re.UNICODE  # InlineProcessor's
ALPHABET = "\\`[]!()a \n<>*_"  # what these patterns look at, and text around it
TRICKY = [
    "Testo con `codice` e ``doppio ` apice`` e \\`non codice\\`.",
    "\\\\`codice dopo due barre` e \\\\\\`tre\\` e `` ` `` e ```x```.",
    "[link](https://example.org) e ![figura](immagini/a.png) e !\\[non figura].",
    "[riferimento][uno], [breve] e ![figura][due], [^nota] e \\[non link](x).",
    "!![doppio](x) [[annidato](y)] [](vuoto) [a]: (non una definizione)",
    "[uno]: https://example.org/1\n[due]: immagini/b.png \"Titolo\"\n\nUsa [uno] e ![x][due].",
    "`[non un link](x)` e [un `codice` nel link](https://example.org/c).",
    "Fine riga con due spazi  \na capo, <span>html</span> &amp; *enfasi* e __forte__.",
    "- [a](x)\n- `b`\n\n> [c](y) e `d`\n\n    `blocco` [e](z)",
]


@pytest.fixture(scope="module")
def site_markdown():
    return make_markdown(project_settings(ROOT / "pelicanconf.py"))


def test_the_site_converter_uses_the_faster_expressions(site_markdown):
    # Fails when a later Python-Markdown changes a listed pattern (the table needs
    # bringing up to date) or when the extension is not part of the site's converter.
    for name in PATTERNS:
        compiled = site_markdown.inlinePatterns[name].compiled_re
        assert compiled.pattern == FASTER[site_markdown.inlinePatterns[name].pattern], name


@pytest.mark.parametrize("original", [BACKTICK_RE, LINK_RE])
def test_each_faster_expression_matches_exactly_where_the_original_does(original):
    slow, fast = re.compile(original, FLAGS), re.compile(FASTER[original], FLAGS)
    rng = random.Random(2026)
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))  # Markdown searches from a start index
        assert [(m.span(), m.groups()) for m in slow.finditer(text, start)] == \
            [(m.span(), m.groups()) for m in fast.finditer(text, start)], (text, start)


def test_the_html_is_the_same_with_and_without_them(site_markdown):
    plain = Markdown(extensions=["markdown.extensions.extra"], output_format="html5")
    faster = Markdown(extensions=["markdown.extensions.extra", SpeedupsExtension()],
                      output_format="html5")
    texts = [*TRICKY, *(path.read_text(encoding="utf-8")
                        for path in sorted((ROOT / "content").rglob("*.md")))]
    for text in texts:
        assert faster.reset().convert(text) == plain.reset().convert(text), text[:80]
    assert "<code>codice</code>" in faster.reset().convert(TRICKY[0])  # the patterns ran


def test_a_pattern_written_otherwise_is_left_as_it_is():
    markdown = Markdown()
    markdown.inlinePatterns["link"].pattern = r"(?<!\!)\[(?!\^)"  # as a later release might
    kept = markdown.inlinePatterns["link"].compiled_re
    SpeedupsExtension().extendMarkdown(markdown)
    assert markdown.inlinePatterns["link"].compiled_re is kept
    assert markdown.inlinePatterns["backtick"].compiled_re.pattern == FASTER[BACKTICK_RE]


def test_the_raw_html_step_gives_back_any_text_without_tags_or_references_unchanged():
    markdown = Markdown(extensions=["markdown.extensions.extra", SpeedupsExtension()])
    wrapped = markdown.preprocessors[HTML_BLOCK]
    assert isinstance(wrapped, PlainTextSkipped)
    rng = random.Random(2029)
    plain = "ab 1#;*_[]()`>!:-=\t\n\\'\"{}|~"  # anything but < and &
    for _ in range(5_000):
        text = "".join(rng.choice(plain) for _ in range(rng.randint(0, 60)))
        lines = text.split("\n")
        assert wrapped.inner.run(lines) == lines, text  # what the skipped parser gives
    # with either character the parser runs: an HTML block is set aside, a reference
    # without its semicolon gets one
    assert "<div>\nx\n</div>" in faster_html("<div>\nx\n</div>\n\ntesto")
    assert faster_html("A &#65x") == Markdown().convert("A &#65x") == "<p>A &#65;x</p>"


def test_the_preprocessors_keep_their_order():
    plain = Markdown(extensions=["markdown.extensions.extra"])
    faster = Markdown(extensions=["markdown.extensions.extra", SpeedupsExtension()])
    assert [item.name for item in faster.preprocessors._priority] == \
        [item.name for item in plain.preprocessors._priority]


def faster_html(text):
    return Markdown(extensions=["markdown.extensions.extra", SpeedupsExtension()]
                    ).convert(text)


# Pieces of Markdown every block processor and inline pattern of the site's converter
# takes, and characters around them: random texts made of them reach each skip and
# each processor (checked by the counts in the test).
PIECES = ["\n\n", "\n", "> ", "# ", "## Titolo ##", "---\n", "***", "___", "- ", "* ", "1. ",
          "[^1]", "[^1]: nota\n", "*[ATS]: Agenzia\n", "[x]: https://e.org \"t\"\n",
          "Termine\n: definizione\n", "```\ncodice\n```\n", "    rientro\n",
          "| a | b |\n|---|---|\n| 1 | 2 |\n", '<div markdown="1">x</div>\n', "Titolo\n===\n",
          "Sotto\n---\n", "{: #id .classe}", "[TOC]\n", "[TOC]", "![alt](x.png)", "[l](u)",
          "[r][x]", "`c`", "\\*", "&amp;", "<b>b</b>", "<https://e.org>", "<a@b.it>", "  \n",
          "*e*", "__f__", "l'università", "ATS"]
CHARACTERS = "\\`[]!()a \n<>*_&^#:@/.-=~|\"'\t1"


def random_texts(count, seed):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) if rng.random() < 0.5 else
                      "".join(rng.choice(CHARACTERS) for _ in range(rng.randint(0, 8)))
                      for _ in range(rng.randint(0, 12)))


def without_skips(markdown):
    """``markdown`` with Python-Markdown's own inline step, block tests and marker
    search back in place of the skipping ones (the faster expressions stay)."""
    markdown.treeprocessors.register(InlineProcessor(markdown), "inline", 20)
    for processor in markdown.parser.blockprocessors:
        if isinstance(processor.test, NeedleTest):
            processor.test = processor.test.test
    toc = markdown.treeprocessors["toc"]
    toc.replace_marker = toc.replace_marker.replace
    return markdown


def test_the_site_converter_skips_what_cannot_match(site_markdown):
    # Fails when a later Python-Markdown changes a listed expression (the tables need
    # bringing up to date) or when the skips are not part of the site's converter.
    assert type(site_markdown.treeprocessors["inline"]) is NeedleInlineProcessor
    skipped = {type(p).__name__ for p in site_markdown.parser.blockprocessors
               if isinstance(p.test, NeedleTest)}
    assert skipped == {name for name, _ in BLOCK_NEEDLES}
    assert isinstance(site_markdown.treeprocessors["toc"].replace_marker, MarkerFirst)
    known = [name for name in site_markdown.inlinePatterns._data
             if needles(site_markdown.inlinePatterns[name]) is not None]
    assert set(known) == set(site_markdown.inlinePatterns._data)  # every pattern of the site


@pytest.mark.parametrize("table", ["inline", "block"])
def test_an_expression_never_matches_a_text_without_its_needles(table):
    import markdown.blockprocessors  # noqa: PLC0415

    if table == "inline":
        expressions = [(re.compile(pattern, FLAGS), found) for pattern, found in NEEDLES.items()]
    else:  # each processor's expression, compiled as the processor compiles it
        flags = {"SetextHeaderProcessor": re.M, "HRProcessor": re.M,
                 "ReferenceProcessor": re.M, "FootnoteBlockProcessor": re.M,
                 "AbbrBlockprocessor": re.M}
        expressions = [(re.compile(pattern, flags.get(name, 0)), found)
                       for (name, pattern), found in BLOCK_NEEDLES.items()]
    rng = random.Random(2030)
    for _ in range(4_000):
        text = "".join(rng.choice(PIECES + list(CHARACTERS)) for _ in range(rng.randint(0, 10)))
        for expression, found in expressions:
            if not any(needle in text for needle in found):
                assert expression.search(text) is None, (expression.pattern, text)


def test_the_skips_change_no_html(site_markdown):
    plain = without_skips(make_markdown(project_settings(ROOT / "pelicanconf.py")))
    texts = [*TRICKY, *(path.read_text(encoding="utf-8")
                        for path in sorted((ROOT / "content").rglob("*.md"))),
             *random_texts(6_000, 2031)]
    reached = {"toc": 0, "footnote": 0, "abbr": 0, "blockquote": 0, "dl": 0}
    for text in texts:
        html = site_markdown.reset().convert(text)
        assert html == plain.reset().convert(text), text
        reached["toc"] += 'class="toc"' in html
        reached["footnote"] += 'class="footnote"' in html
        reached["abbr"] += "<abbr" in html
        reached["blockquote"] += "<blockquote>" in html
        reached["dl"] += "<dl>" in html
    assert min(reached.values()) > 10, reached  # the texts reach every kind
