"""The YAML front matter read: ``load_yaml`` gives its values as text (:mod:`.textloader`)
with each key's line and each list entry's, and a repeated key as a warning. Before the
values are made, the slips YAML reads without an error are looked for (:mod:`.key_slips`,
:mod:`.list_slips`) and YAML aliases (``&name`` … ``*name``, ``<<: *name``) are refused:
an editor never needs them, and nine lines of aliases nested nine deep make a list of 387
million items (a build that never ends). When YAML cannot read it, the error is named at
the line to fix, with what to write where it can be told (:mod:`.unseen_causes`,
:mod:`.layout_causes`, :mod:`.value_hints`), never left to PyYAML's English alone."""

import yaml

from plugins.core.items import entry_key

from .decoding import visible
from .errors import HEADER, SourceError, invalid_yaml
from .key_groups import NAME_LISTS
from .key_slips import continued_keys, empty_blocks, entry_keys_out, hashtags
from .layout_causes import block_cause, layout_cause, unclosed_cause
from .list_slips import bullets, list_slips, listed_names
from .textloader import TextLoader
from .unseen_causes import invisible_cause
from .value_hints import (
    continued_colon, flow_commas, flow_lines, marker_start, special_start, unquoted_colon,
)
from .written import written_value


def load_yaml(text, first_line):
    """``(mapping, {key: line}, [(line, warning)])`` from YAML starting at ``first_line``."""
    bullets(text, first_line)
    loader = TextLoader(text)
    continued, ignored = [], set()
    try:
        node = loader.get_single_node()
        if isinstance(node, yaml.MappingNode):
            if "*" in text:  # an alias is written `*name`: no other node is reached twice
                _refuse_aliases(node, first_line)
            # first: "title:Festa: il via #FareLegami" is the key «title:Festa», whose value
            # the hashtag's message would give as the title
            continued, ignored = continued_keys(node, text, first_line)
            # "  - file: …" then "title: …" at the margin: an error, not "ripetuta"
            out, out_ignored = entry_keys_out(node, first_line)
            continued, ignored = continued + out, ignored | out_ignored
            hashtags(node, text, first_line)
            slips = list_slips(node, text, first_line)
            empty_blocks(node, text, first_line)
            continued = slips + continued
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)  # PyYAML's English
        found, said = "", None  # where PyYAML saw the error, the Italian of what to write
        # a list, a {…} or a quoted text left open: where it opened is what to fix
        opened = getattr(error, "context_mark", None)
        left_open = str(getattr(error, "context", "") or "").startswith(
            ("while parsing a flow", "while scanning a quoted"))  # not the whole mapping
        if left_open and opened is not None and line is not None \
                and first_line + opened.line < line:
            line = first_line + opened.line
            found = f" (rilevato alla riga {first_line + mark.line})"
        # the first of what the editor cannot see and of the text read as YAML (its front
        # matter not closed), or else a key out of place
        causes = [cause for cause in (invisible_cause(text, first_line),
                                      unclosed_cause(text, first_line, line),
                                      block_cause(text, first_line, line)) if cause]
        hint = min(causes) if causes else layout_cause(text, first_line, line)
        if hint is not None:  # what the editor cannot see, or a key out of place: its line
            line, said = hint[0], hint[1] + found
        else:
            colon = None
            if problem.startswith("mapping values are not allowed") and mark is not None:
                colon = continued_colon(text.split("\n"), mark.line, first_line) \
                    or unquoted_colon(text.split("\n")[mark.line])
            if colon is not None:  # "title: Crema: apre il centro", the usual case
                said = colon + found
            elif line is not None:
                # "title: *Novità* a Crema", "title: [Aggiornato] …", "tags: [Crema",
                # "title: 'L'estate all'oratorio'"
                typed = text.split("\n")[line - first_line]
                special = marker_start(typed) \
                    or flow_commas(*flow_lines(text.split("\n"), line - first_line)) \
                    or special_start(typed)
                if special is not None:
                    said = special + found
        raise invalid_yaml(said, line, problem, found) from None
    except RecursionError:
        raise SourceError(f"l'{HEADER} ha troppi elenchi uno dentro l'altro: scrivi ogni"
                          " informazione su una riga sua, `chiave: valore` / YAML nested too"
                          " deep", first_line) from None
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
        # PyYAML's own constructors fail so on a value its explicit tag does not fit
        # (`!!timestamp 2024-05-05 10:00`: AttributeError; `!!bool forse`: KeyError):
        # a traceback in invoke check, and "Could not process" alone in the build
        line, tag, value = _explicit_tag(node, first_line)
        raise SourceError(f"{HEADER} scritta male: il valore «{value}» non è del tipo"
                          f" `!!{tag}` indicato prima: togli `!!{tag}` e scrivi il valore come"
                          " testo / invalid YAML front matter: a value does not fit its tag",
                          line) from None
    finally:
        loader.dispose()
    if data is None:
        return {}, {}, []
    if not isinstance(data, dict):
        hint = layout_cause(text, first_line, None)
        if hint is not None:  # "title:Festa" alone: one text, no key
            raise invalid_yaml(hint[1], hint[0])
        raise SourceError(f"l'{HEADER} deve essere un elenco `chiave: valore`: scrivi ogni"
                          " informazione su una riga sua, con il suo nome e i due punti, per"
                          " esempio `title: Festa` / front matter must be a mapping",
                          first_line)
    lines, values, warnings = {}, {}, list(continued)
    for key_node, value_node in node.value:
        key = str(key_node.value).strip().lower()
        line = first_line + key_node.start_mark.line
        if key in lines:
            first, last = (listed_names(values[key]), listed_names(value_node)) \
                if key in NAME_LISTS else ([], [])
            merged = ", ".join(written_value(name, in_list=True)
                               for name in dict.fromkeys(first + last))
            # "tags: Crema" then "tags: Cremona": the topics of both lines meant, the first
            # line's lost
            hint = f"; per tenere le voci di tutte e due scrivi una riga sola, {key}: [{merged}]" \
                if set(first) - set(last) and last else ""
            hint = hint or "; cancella una delle due righe, tenendo quella completa"
            warnings.append((line, f"chiave `{key}` ripetuta (riga {lines[key]}): vale"
                                   f" l'ultima{hint} / repeated key `{key}`"))
        lines[key], values[key] = line, value_node
    # each entry of a list at its own line: of the value that counts, a repeated key's last
    # (the entries of a list it replaced would name another file's line)
    for key, value_node in values.items():
        if isinstance(value_node, yaml.SequenceNode):
            for position, entry in enumerate(value_node.value, start=1):
                lines[entry_key(key, position)] = first_line + entry.start_mark.line
    # a line under a summary read as a key of its own: its warning says it is ignored
    data = {key: visible(value, lines.get(str(key).strip().lower(), first_line), warnings)
            for key, value in data.items()
            if not (isinstance(key, str) and key.strip() in ignored)}
    return data, lines, warnings


def _refuse_aliases(document, first_line):
    """A node reached twice is an alias's target: SourceError at the line of the
    top-level key whose value uses it (each node is visited once: no expansion)."""
    seen = set()
    for key_node, value_node in document.value:
        pending = [key_node, value_node]
        while pending:
            node = pending.pop()
            if id(node) in seen:
                raise SourceError(
                    f"rimandi tra valori (`&nome` e `*nome`) non ammessi nell'{HEADER}:"
                    " scrivi il valore per intero / YAML aliases are not allowed",
                    first_line + key_node.start_mark.line)
            seen.add(id(node))
            if isinstance(node.value, list):  # a sequence's items, a mapping's pairs
                for item in node.value:
                    pending.extend(item if isinstance(item, tuple) else (item,))


_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map", "null")}


def _explicit_tag(document, first_line):
    """``(line, tag, value)`` of the node of ``document`` with a tag of its own (the loader
    guesses none but text, lists, mappings and null) that cannot be made, or the start."""
    pending = [document]
    while pending:
        node = pending.pop(0)
        if node.tag not in _PLAIN_TAGS:
            loader = TextLoader("")
            try:
                loader.construct_object(node, deep=True)
            except Exception:  # noqa: BLE001 - the failure load_yaml reports
                value = node.value if isinstance(node.value, str) else ""
                return first_line + node.start_mark.line, node.tag.rsplit(":", 1)[-1], value
            finally:
                loader.dispose()
        if isinstance(node.value, list):
            for item in node.value:
                pending.extend(item if isinstance(item, tuple) else (item,))
    return first_line, "…", ""
