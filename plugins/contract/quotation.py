"""Where a quote in a front-matter value closes a quotation, and where it is an Italian
apostrophe (``L'estate``, ``un po' di festa``) that closes nothing."""

import re

# Italian words whose last letters an apostrophe stands for, at a word's end: "un po' di
# festa", "Ca' de' Soresini", "va' pensiero", and "E' aperto" typed for "È": the apostrophe
# closes no quotation (an "'Un po' di festa" was taken for the quotation 'Un po')
APOCOPE_RE = re.compile(r"(?<!\w)(?:po|mo|be|ca|de|di|fa|va|sta|da|to|e)'(?!\w)", re.I)


# Words an apostrophe shortens at their start (aferesi): "'Na festa di paese", "'Sta
# sera", "'O sole mio"; with a year ("'80 in musica") the apostrophe is the text's too
APHAERESIS_RE = re.compile(r"'(?:\d|(?:na|nu|o|a|e|u|sto|sta|ste|sti|ndrangheta|ntoni)(?!\w))",
                           re.I)


def quote_left_open(value):
    """Whether the quote ``value`` starts with, found nowhere else in it, is one the
    editor opened to enclose the value and forgot to close (``"Festa al Civic Center``,
    ``'Festa``), rather than the text's own: an apostrophe of a word shortened at its
    start or of a year (``'Na festa``, ``'80 in musica``). A double quote alone is never
    the text's."""
    return value[:1] == '"' or (value[:1] == "'" and not APHAERESIS_RE.match(value))


def _apocopes(value):
    """The positions in ``value`` of the apostrophes of :data:`APOCOPE_RE`."""
    return {match.end() - 1 for match in APOCOPE_RE.finditer(value)}


def quotation_closes(value):
    """Whether the quote ``value`` starts with is closed before its end, the value a
    quotation with more text after it (``"Insieme" è il motto``), rather than a value the
    editor meant to enclose and left open (``'L'estate all'oratorio``). An apostrophe
    between two letters, or after a word it shortens (``po'``), closes nothing; a quote
    after a blank opens another quotation (``"Il "grande" evento``)."""
    quote, depth = value[0], 1
    apocopes = _apocopes(value) if quote == "'" else set()
    for position in range(1, len(value)):
        if value[position] != quote:
            continue
        before, after = value[position - 1], value[position + 1:position + 2]
        if quote == "'" and ((before.isalnum() and after.isalnum()) or position in apocopes):
            continue  # L'estate, un po' di festa
        depth += 1 if before.isspace() else -1
        if depth == 0:
            return True
    return False


def closed_early(value):
    """Whether ``value``, which starts and ends with the same quote, is a quotation closed
    before its end and more text (``'Crema' e 'Cremona'``, ``"Festa" "piazza"``), not one
    value whose quotes or apostrophes inside end it early (``'L'estate all'oratorio'``,
    ``'Un po' di festa'``, ``"Il "grande" evento"``): as :func:`quotation_closes` reads
    them, a doubled ``''`` closing nothing."""
    quote, depth = value[0], 1
    apocopes = _apocopes(value) if quote == "'" else set()
    position = 1
    while position < len(value) - 1:
        before, after = value[position - 1], value[position + 1]
        if value[position] != quote:
            position += 1
            continue
        if quote == '"' and before == "\\":  # \" read as the quote typed
            before = value[position - 2]
        if quote == "'" and after == "'":  # '' is one apostrophe
            position += 2
            continue
        if quote == "'" and ((before.isalnum() and after.isalnum()) or position in apocopes):
            position += 1
            continue
        depth += 1 if before.isspace() else -1
        if depth == 0:
            return True
        position += 1
    return False
