/* list-widget.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  var createClass = admin.createClass;
  var h = admin.h;
  // control-names.js
  var HANDLE = admin.HANDLE;
  var MOVES = admin.MOVES;
  // live-region.js
  var announce = admin.announce;
  var liveRegion = admin.liveRegion;

  // --- A list of one field whose file gives one text -----------------------------
  // The contract lets a list key be one text instead of a list (indirizzi_precedenti:
  // /notizie/1.html). Decap's list widget with a single `field` (plugins/redirects)
  // expects a list: on one text the whole editor was an error page ("l.map is not a
  // function"), the item could not be opened. The list's control is given the text
  // as a list of one; the value is unchanged until the editor changes the list (then
  // it is saved as a list).
  // The contract also lets an attachment be a bare path (attachments: [allegati/x.pdf]).
  // Decap's list of several fields (file, title, description) reads each item as a map:
  // the item opened, but "Pubblica ora" did nothing at all (Decap's save stopped on "e.get
  // is not a function" before a word was said), whatever the editor changed. Each such
  // item is given to the form as an item with that text in the list's first field (the
  // file): the entry holds it so from the moment it is opened, and a save writes it as
  // the form writes one ("- file: allegati/x.pdf", the same attachment to the site).
  // Everything else reaches Decap's control as it is.
  var listWidget = CMS.getWidget && CMS.getWidget("list");
  var ListControl = listWidget && listWidget.control;
  var NO_ITEMS = ListControl && ListControl.defaultProps && ListControl.defaultProps.value;

  // ``value`` (a list of several ``field``s) with its items that are a text made maps of
  // the first field, or null when it has none
  function itemsAsMaps(value, field) {
    var fields = field && field.get && field.get("fields");
    var first = fields && fields.first && fields.first();
    if (!first || !value || typeof value.some !== "function" || !value.some(function (each) {
      return typeof each === "string";
    })) {
      return null;
    }
    var empty = field.clear();  // an empty map, of Decap's own kind (Immutable)
    return value.map(function (each) {
      return typeof each === "string" ? empty.set(first.get("name"), each) : each;
    });
  }

  // The authors (plugins/admin/config.py): one list of names, `authors`, in the form. A
  // file with one author has `author: Anna Rossi` instead: the list shows that name
  // (without changing the entry: the file stays as it is until the list is changed). A
  // change of the list is remembered (AUTHORS_EDITED, reset when an item is opened),
  // for the save to write the names as the contract has them (authorsWritten, authors.js).
  var AUTHORS = "authors";
  var AUTHORS_EDITED = false;

  // whether the authors' list was changed since the item was opened (save.js)
  function authorsEdited() {
    return AUTHORS_EDITED;
  }

  function isAuthors(field) {
    return field.get("name") === AUTHORS && !field.get("field") && !field.get("fields");
  }

  // the list the authors' control shows: `authors`, else the file's `author`
  function shownAuthors(props) {
    var value = props.value;
    if (value && (typeof value === "string" || value.size)) {
      return value;
    }
    var entry = typeof props.getEntry === "function" ? props.getEntry() : props.entry;
    var one = entry && entry.getIn && entry.getIn(["data", "author"]);
    return typeof one === "string" && one.trim() ? NO_ITEMS.push(one.trim()) : value;
  }

  if (h && createClass && NO_ITEMS && typeof NO_ITEMS.push === "function") {
    CMS.registerWidget("list", createClass({
      // bare paths made items of the form, in the entry (what a save serializes); the
      // region that says where the arrows moved an item, on the page before any move
      componentDidMount: function () {
        liveRegion();
        this.asMaps();
        if (isAuthors(this.props.field)) {
          AUTHORS_EDITED = false;  // an item opened: its authors as its file has them
        }
      },
      componentWillUnmount: function () {
        if (isAuthors(this.props.field)) {
          AUTHORS_EDITED = false;  // the item left (a page, next, has no authors)
        }
      },
      authorsChanged: function (value, metadata) {
        AUTHORS_EDITED = true;
        return this.props.onChange(value, metadata);
      },
      componentDidUpdate: function () { this.asMaps(); },
      asMaps: function () {
        var items = itemsAsMaps(this.props.value, this.props.field);
        if (items && this.asMapsFrom !== this.props.value) {  // once for each value
          this.asMapsFrom = this.props.value;
          this.props.onChange(items);
        }
      },
      // Decap's list renders again on every change of the form (its nested fields)
      shouldComponentUpdate: function () { return true; },
      focus: function (path) {  // a nested field with an error, on a refused save
        if (this.control && this.control.focus) {
          this.control.focus(path);
        }
      },
      // The up and down arrows on an item's handle move the item, as a drag does (Decap's
      // onSortEnd); the handle keeps the focus, and the new place is announced
      onKeyDown: function (event) {
        var step = { ArrowUp: -1, ArrowDown: 1 }[event.key];
        if (!step || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey
            || !event.target.matches(HANDLE)) {
          return;
        }
        if (this.moveBy(event.currentTarget, event.target, step, null)) {
          event.preventDefault();  // not the page's scroll
        }
      },
      // The item of ``handle`` in ``list`` (this control's element) moved by ``step``
      // (-1 up, 1 down); then the focus on the moved item's handle, or, for a move by
      // one of its buttons (``button``), on its button of the same way. False when the
      // handle is not one of this list's items.
      moveBy: function (list, handle, step, button) {
        if (!handle || handle.closest("[data-elenco]") !== list
            || !this.control || !this.control.onSortEnd) {
          return false;
        }
        var handles = function () {
          return Array.prototype.filter.call(list.querySelectorAll(HANDLE), function (each) {
            return each.closest("[data-elenco]") === list;
          });
        };
        var from = handles().indexOf(handle);
        var to = from + step;
        if (from < 0 || to < 0 || to >= handles().length) {
          return true;
        }
        this.control.onSortEnd({ oldIndex: from, newIndex: to });
        window.setTimeout(function () {
          var now = handles();
          var moves = now[to] && now[to].nextElementSibling;
          var focused = button && moves && moves.hasAttribute(MOVES)
            ? moves.children[step < 0 ? 0 : 1] : now[to];
          if (focused) {
            focused.focus();
          }
          announce("Voce spostata al posto " + (to + 1) + " di " + now.length + ".");
        }, 0);
        return true;
      },
      render: function () {
        var self = this;
        var value = this.props.value;
        if (typeof value === "string" && this.props.field.get("field")) {
          value = value.trim() ? NO_ITEMS.push(value) : NO_ITEMS;
        }
        value = itemsAsMaps(value, this.props.field) || value;
        var authors = isAuthors(this.props.field);
        return h("div", { "data-elenco": "", onKeyDown: this.onKeyDown, ref: function (div) {
          if (div) {
            div.fareLegamiSposta = self.moveBy;  // a click on an item's buttons (below)
          }
        } },
          h(ListControl, Object.assign({}, this.props, authors ? {
            value: shownAuthors(this.props), onChange: this.authorsChanged
          } : { value: value }, {
            ref: function (control) { self.control = control; }
          })));
      }
    }), listWidget.preview, listWidget.schema);
  }

  // A click on the "up" or "down" button of an item (control-names.js makes them beside
  // its handle): the item moved as the arrows move it. Taken at the document, before
  // Decap's own listeners (the item's bar is Decap's).
  if (document.addEventListener) {
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[" + MOVES + "] > button");
      if (!button) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      var list = button.closest("[data-elenco]");
      if (button.getAttribute("aria-disabled") !== "true" && list
          && list.fareLegamiSposta) {
        list.fareLegamiSposta(list, button.parentElement.previousElementSibling,
          Number(button.getAttribute("data-passo")), button);
      }
    }, true);
    admin.addStyleSheet("[" + MOVES + "] { display: inline-flex; gap: 4px; }"
      + " [" + MOVES + "] > button { min-width: 24px; min-height: 24px; padding: 0 4px;"
      + " border: 1px solid currentColor; border-radius: 4px; background: transparent;"
      + " color: inherit; font: inherit; line-height: 1; cursor: pointer; }"
      + " [" + MOVES + "] > button[aria-disabled='true'] { opacity: 0.45; cursor: default; }"
      + " @media (max-width: 799.98px) { [" + MOVES + "] > button { min-width: 44px;"
      + " min-height: 44px; } }");
  }

  admin.AUTHORS = AUTHORS;
  admin.NO_ITEMS = NO_ITEMS;
  admin.authorsEdited = authorsEdited;
}(window.FareLegamiAdmin));
