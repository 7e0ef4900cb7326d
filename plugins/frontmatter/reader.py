"""The Markdown reader for the editors' contract."""

import copy
import logging
import os
import re

import yaml
from markdown import Markdown
from pelican.plugins.yaml_metadata import YAMLMetadataReader

from .errors import ContentError
from .schema import normalise

logger = logging.getLogger(__name__)

# The same header form pelican-yaml-metadata accepts: a first line "---".
HEADER_RE = re.compile(
    r"\A\s*^---[ \t]*\n(?P<metadata>.*?)^(?:---|\.\.\.)[ \t]*$\n?(?P<content>.*)\Z",
    re.MULTILINE | re.DOTALL,
)


class _DateAsTextLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so one parser handles both header forms."""


_DateAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def category_name(folder, names):
    """Display name of a category folder: configured, or ``my-folder`` -> ``My folder``."""
    if folder in names:
        return names[folder]
    words = folder.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


class FrontMatterReader(YAMLMetadataReader):
    """Markdown with YAML front matter or Pelican's native header, strictly checked."""

    enabled = True
    file_extensions = ["md", "markdown", "mkd", "mdown"]

    def read(self, source_path):
        text = self._decode(source_path)
        match = HEADER_RE.match(text)
        if match:
            raw = self._load_yaml(match.group("metadata"), source_path)
            body = match.group("content")
            content = self._md.reset().convert(body)
        else:
            if text.lstrip().startswith("---\n"):
                self._fail(source_path, ["il front matter inizia con `---` ma non si chiude"
                                         " con un'altra riga `---` / front matter not closed"])
            native = Markdown(**self.settings["MARKDOWN"])
            content = native.convert(text)
            raw = {key: "\n".join(lines) for key, lines in getattr(native, "Meta", {}).items()}

        metadata, problems, warnings = normalise(
            raw, is_page=self._is_page(source_path), settings=self.settings
        )
        for warning in warnings:
            logger.warning("%s: %s", self._relative(source_path), warning)
        if problems:
            self._fail(source_path, problems)

        self._apply_defaults(metadata, source_path)
        return content, self._parse_yaml_metadata(metadata, source_path)

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
                folder, self.settings.get("CATEGORY_NAMES", {})
            )
        if metadata.get("status") == "draft" and self.settings.get("FRONTMATTER_PREVIEW_DRAFTS"):
            metadata["status"] = "published"
            metadata["bozza"] = True

    def _relative(self, source_path):
        return os.path.relpath(source_path, self.settings["PATH"])

    def _is_page(self, source_path):
        relative = self._relative(source_path).replace(os.sep, "/")
        return any(
            relative == path or relative.startswith(path.rstrip("/") + "/")
            for path in self.settings.get("PAGE_PATHS", ())
        )

    def _fail(self, source_path, problems):
        relative = self._relative(source_path)
        for problem in problems:
            logger.error("%s: %s", relative, problem)
        raise ContentError(relative, problems)
