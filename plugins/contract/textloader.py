"""The front matter's YAML loader, :class:`TextLoader`: PyYAML's safe loader (libyaml's
when available) with every plain value read as text."""

import yaml

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available


class TextLoader(_SafeLoader):
    """A safe loader whose plain values stay text: no dates, booleans or numbers guessed
    from them (``title: No`` is the text No, not False; ``slug: 0124`` not 84; ``1:30``
    not 90), so YAML and the native header give the same values and one parser handles
    both. Only an empty value is still null; lists and mappings are kept."""


_GUESSED = {f"tag:yaml.org,2002:{name}" for name in ("timestamp", "bool", "int", "float")}
TextLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _GUESSED]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}
