"""The groups of front-matter keys by which the front matter's hints and slip detectors
read a value (the contract's own keys are ``schema.CONTRACT_KEYS``)."""

# keys whose value is prose: "title: [Aggiornato Festa" is quoted; any other value left
# open ("tags: [Crema, Cremona", "indirizzi_precedenti: [/a.html") is a list to close; a
# line at the margin under one may be the value's next line
PROSE_KEYS = ("title", "summary", "image_alt")
# the keys without which an item is not published: a key of the editor's own that starts
# with another's name (``image caption``) is ignored with a warning, as the contract says
REQUIRED_KEYS = ("title", "date")
# lists of names (text split at commas and semicolons, or a list's items)
NAME_LISTS = ("tags", "authors")
# the list of documents (plugins/attachments, which requires this plugin, imports both:
# model.FIELD) and the keys of one of its entries ("- file: …", "title: …", "description:
# …"), which the layout's causes read to place a line written at the margin
ATTACHMENTS = "attachments"
ENTRY_KEYS = ("file", "title", "description")
