"""plugins.core.items: the one answer to "is this item scheduled, is it written", shared by
the build (content_checks, article_meta), ``invoke check`` and ``invoke new``."""

from datetime import datetime, timedelta, timezone

import pytest

from plugins.core.items import held_back, is_draft, is_future, public_fate, written
from tools.new_item import state

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc)
LATER = NOW + timedelta(minutes=1)
EARLIER = NOW - timedelta(minutes=1)
CONTRACT = {"PLUGINS": ["plugins.contract"]}  # CONTRACT_PREVIEW_DRAFTS: the contract's
PUBLIC = {**CONTRACT, "WITH_FUTURE_DATES": False, "CONTRACT_PREVIEW_DRAFTS": False}
PREVIEW = {**CONTRACT, "WITH_FUTURE_DATES": True, "CONTRACT_PREVIEW_DRAFTS": True}
ALL_DATES = {**CONTRACT, "WITH_FUTURE_DATES": True, "CONTRACT_PREVIEW_DRAFTS": False}


def test_future_is_strictly_after_now_and_no_date_is_not_future():
    now = NOW.timestamp()
    assert is_future(LATER, now)
    assert not is_future(NOW, now)
    assert not is_future(EARLIER, now)
    assert not is_future(None, now)
    assert is_future(datetime.now(timezone.utc) + timedelta(hours=1))  # default: this moment


@pytest.mark.parametrize("date, page, settings, expected", [
    (LATER, False, PUBLIC, LATER),  # the public build waits for it
    (LATER, False, PREVIEW, LATER),  # shown by the preview, still held back when public
    (LATER, False, ALL_DATES, None),  # a site that publishes future dates
    (EARLIER, False, PUBLIC, None),
    (LATER, True, PUBLIC, None),  # pages ignore dates
    (None, False, PUBLIC, None),
])
def test_held_back_is_the_public_builds_answer_even_in_a_preview(date, page, settings,
                                                                   expected):
    assert held_back(date, page, settings, NOW.timestamp()) == expected


@pytest.mark.parametrize("metadata, page, settings, expected", [
    ({"date": EARLIER}, False, PUBLIC, True),
    ({"date": EARLIER, "status": "hidden"}, False, PUBLIC, True),  # written, listed nowhere
    ({"date": EARLIER, "status": "draft"}, False, PUBLIC, False),
    ({"date": LATER}, False, PUBLIC, False),
    ({"date": LATER}, False, PREVIEW, True),
    ({}, False, PUBLIC, False),  # an article without a date: the contract's error
    ({}, True, PUBLIC, True),
    ({"date": LATER}, True, PUBLIC, True),
    ({"status": "draft"}, True, PUBLIC, False),
])
def test_written_follows_status_dates_and_with_future_dates(metadata, page, settings,
                                                            expected):
    assert written(metadata, page, settings, NOW.timestamp()) is expected


@pytest.mark.parametrize("metadata, page, settings, expected", [
    ({"date": EARLIER}, False, PUBLIC, "now"),
    ({"date": EARLIER, "status": "hidden"}, False, PUBLIC, "now"),
    ({"date": LATER}, False, PUBLIC, "later"),  # its address is taken already
    ({"date": LATER}, False, PREVIEW, "later"),  # the preview answers for the public build
    ({"date": LATER}, False, ALL_DATES, "now"),
    ({"date": LATER, "status": "draft"}, False, PUBLIC, ""),
    ({"date": EARLIER, "bozza": True}, False, PREVIEW, ""),
    ({}, False, PUBLIC, ""),  # an article without a date: the contract's error
    ({}, True, PUBLIC, "now"), ({"date": LATER}, True, PUBLIC, "now"),
])
def test_the_public_fate_is_now_later_or_never(metadata, page, settings, expected):
    """The fate plugins/redirects and ``invoke check`` give an item's address."""
    assert public_fate(metadata, page, settings, NOW.timestamp()) == expected
    if expected == "now":
        assert written(metadata, page, {**settings, "CONTRACT_PREVIEW_DRAFTS": False},
                       NOW.timestamp())


@pytest.mark.parametrize("metadata, expected", [
    ({"status": "draft"}, True),
    ({"status": "published", "bozza": True}, True),  # a draft a preview shows
    ({"status": "published"}, False), ({"status": "hidden"}, False), ({}, False),
])
def test_a_draft_is_one_whether_a_preview_shows_it_or_not(metadata, expected):
    assert is_draft(metadata) is expected


def test_invoke_new_calls_a_future_item_scheduled_with_the_same_test():
    assert state(LATER, True, NOW).startswith("programmato")
    assert state(NOW, True, NOW).startswith("pubblicato")
    assert state(LATER, False, NOW).startswith("bozza")


def test_all_items_reads_only_the_article_and_page_generators():
    """A plugin's own generator named an attribute ``pages`` (a list of tuples): every
    plugin walking the build's items took those for Pelican's pages and failed
    (``'tuple' object has no attribute 'url'``)."""
    from types import SimpleNamespace  # noqa: PLC0415

    from pelican.generators import PagesGenerator  # noqa: PLC0415

    from plugins.core.items import LISTED, all_items  # noqa: PLC0415

    page = SimpleNamespace(url="chi-siamo/")
    pelicans = PagesGenerator.__new__(PagesGenerator)  # its lists only, no build
    pelicans.pages, pelicans.hidden_pages, pelicans.draft_pages = [page], [], []
    pelicans.translations = pelicans.hidden_translations = pelicans.draft_translations = []
    plugins_own = SimpleNamespace(pages=[("vecchio.html", "Titolo", "nuovo/")])
    assert list(all_items([pelicans, plugins_own])) == [(page, LISTED)]
