"""The Markdown reader for the editors' contract.

It owns the whole front-matter step: splitting the ``---`` block off, parsing it
with PyYAML (dates left as text, so both header forms take one path), checking
it (:mod:`.schema`) and turning the values into what Pelican's ``Content``
expects (``Tag``, ``Category``, ``Author`` objects, formatted ``summary``). It
builds on Pelican's public ``MarkdownReader`` only; pelican-yaml-metadata is no
longer used, so no private member of another package is relied upon.
"""

import logging
import os
import re

import yaml
from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.urlwrappers import Author, Category, Tag

from plugins.core.text import title_from_name

from .errors import ContentError
from .schema import normalise

logger = logging.getLogger(__name__)

# A first line "---", then YAML, then a line "---" (or "...").
HEADER_RE = re.compile(
    r"\A\s*^---[ \t]*\n(?P<metadata>.*?)^(?:---|\.\.\.)[ \t]*$\n?(?P<content>.*)\Z",
    re.MULTILINE | re.DOTALL,
)
META_EXTENSION = "markdown.extensions.meta"


class _DateAsTextLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so one parser handles both header forms."""


_DateAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def category_name(folder, names):
    """Display name of a category folder: configured, or ``my-folder`` -> ``My folder``."""
    return names.get(folder) or title_from_name(folder)


class FrontMatterReader(MarkdownReader):
    """Markdown with YAML front matter or Pelican's native header, strictly checked."""

    enabled = True
    file_extensions = ["md", "markdown", "mkd", "mdown"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # adds the meta extension to MARKDOWN
        options = self.settings["MARKDOWN"]
        # Bodies after a YAML block: no meta extension (a first line "Nota: …" is text).
        self._body_md = Markdown(**{
            **options, "extensions": [e for e in options["extensions"] if e != META_EXTENSION]})
        self._native_md = Markdown(**options)

    def read(self, source_path):
        text = self._decode(source_path)
        match = HEADER_RE.match(text)
        if match:
            raw = self._load_yaml(match.group("metadata"), source_path)
            content = self._body_md.reset().convert(match.group("content"))
        else:
            if text.lstrip().startswith("---\n"):
                self._fail(source_path, ["il front matter inizia con `---` ma non si chiude"
                                         " con un'altra riga `---` / front matter not closed"])
            content = self._native_md.reset().convert(text)
            raw = {key: "\n".join(lines)
                   for key, lines in getattr(self._native_md, "Meta", {}).items()}

        metadata, problems, warnings = normalise(
            raw, is_page=self._is_page(source_path), settings=self.settings
        )
        for warning in warnings:
            logger.warning("%s: %s", self._relative(source_path), warning)
        if problems:
            self._fail(source_path, problems)

        self._apply_defaults(metadata, source_path)
        return content, self._to_pelican(metadata)

    # -- steps ----------------------------------------------------------------

    def _decode(self, source_path):
        with open(source_path, "rb") as handle:
            data = handle.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            self._fail(source_path, [
                f"il file non è in UTF-8 (byte non valido in posizione {error.start}):"
                " salvalo con codifica UTF-8 / file is not UTF-8"
            ])
        # A BOM and Windows line endings are what some editors save: both are fine.
        return text.lstrip("\ufeff").replace("\r\n", "\n")

    def _load_yaml(self, text, source_path):
        try:
            data = yaml.load(text, Loader=_DateAsTextLoader)  # noqa: S506 - a SafeLoader
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" alla riga {mark.line + 2}" if mark is not None else ""
            problem = getattr(error, "problem", None) or str(error)
            self._fail(source_path, [
                f"front matter YAML non valido{where}: {problem} / invalid YAML front matter"
            ])
        if data is None:
            return {}
        if not isinstance(data, dict):
            self._fail(source_path, ["il front matter deve essere un elenco `chiave: valore`"
                                     " / front matter must be a mapping"])
        return data

    def _apply_defaults(self, metadata, source_path):
        relative = self._relative(source_path)
        folder = os.path.dirname(relative).split(os.sep)[0]
        if "category" not in metadata and folder and not self._is_page(source_path):
            metadata["category"] = category_name(
                folder, self.settings["FRONTMATTER_CATEGORY_NAMES"])
        if metadata.get("status") == "draft" and self.settings["FRONTMATTER_PREVIEW_DRAFTS"]:
            metadata["status"] = "published"
            metadata["bozza"] = True

    def _to_pelican(self, metadata):
        """Checked values -> what Pelican's Content expects (as its own readers give it)."""
        settings, result = self.settings, {}
        for key, value in metadata.items():
            if key in settings["FORMATTED_FIELDS"]:
                value = self._body_md.reset().convert(str(value))
            elif key == "tags":
                value = [Tag(name, settings) for name in value]
            elif key == "authors":
                value = [Author(name, settings) for name in value]
            elif key == "author":
                value = Author(value, settings)
            elif key == "category":
                value = Category(value, settings)
            result[key] = value
        return result

    def _relative(self, source_path):
        return os.path.relpath(source_path, self.settings["PATH"])

    def _is_page(self, source_path):
        relative = self._relative(source_path).replace(os.sep, "/")
        return any(
            relative == path or relative.startswith(path.rstrip("/") + "/")
            for path in self.settings["PAGE_PATHS"]
        )

    def _fail(self, source_path, problems):
        relative = self._relative(source_path)
        for problem in problems:
            logger.error("%s: %s", relative, problem)
        raise ContentError(relative, problems)
