"""Which page numbers a list's pagination shows."""

NEIGHBOURS = 2  # numbered links either side of the current page


def page_window(current, count, neighbours=NEIGHBOURS):
    """The numbers to link from page ``current`` of ``count``, ``None`` for a gap.

    The first and the last page, and ``neighbours`` pages either side of the current one;
    a gap of a single page is filled rather than shown as "…". A list of 200 pages then
    links at most 2 * neighbours + 5 numbers from each page (every page still reachable
    step by step, and the archive lists everything), instead of 200 links on each of its
    200 pages, which readers cannot use and which made listings quadratic to render.

    >>> page_window(1, 3)
    [1, 2, 3]
    >>> page_window(10, 200)
    [1, None, 8, 9, 10, 11, 12, None, 200]
    """
    shown = {1, count, *range(current - neighbours, current + neighbours + 1)}
    numbers = sorted(n for n in shown if 1 <= n <= count)
    window = []
    for number in numbers:
        if window and number - window[-1] == 2:
            window.append(number - 1)  # one hidden page: show it instead of a gap
        elif window and number - window[-1] > 2:
            window.append(None)
        window.append(number)
    return window
