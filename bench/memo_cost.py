"""What a remembered figure (apps/curation/memo.py) costs now that it lives in the shared cache.

    .venv/bin/python bench/memo_cost.py [--repeat 200]

For each figure the pages remember, on the bench database (the 100 k corpus): how long working
it out takes, how large it is pickled, and how long reading it back takes (the generation key
and the figure, unpickled): the price of sharing it between workers, which in-process memory
did not charge. Uses the cache the settings give (files in a folder of its own, or REDIS_URL).
"""
import datetime
import pickle
import statistics
import time

import common


def median_ms(function, repeat: int) -> float:
    samples = []
    for _run in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> None:
    args = common.arguments(__doc__.splitlines()[0])
    common.django_setup()
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache
    from django.utils.translation import activate

    from apps.curation.memo import remembered
    from apps.organizations.models import Organization
    from apps.regions.selectors import _regions_with_parents, regions_recorded
    from apps.regions.views import _region_tree
    from apps.web.filter_form import region_choices
    from apps.web.selectors import _home_overview

    activate("zh-hans")
    reader, today = AnonymousUser(), datetime.date.today()
    figures = {
        "home page counts": lambda: _home_overview(user=reader, today=today),
        "regions with records": lambda: _regions_with_parents(regions_recorded(user=reader)),
        "region tree (HTML)": lambda: _region_tree(reader),
        "region select options": lambda: "".join(f"<option>{label}</option>" for _code, label in region_choices(user=reader)),
        "organizations' count": Organization.objects.count,
    }
    cache.clear()
    print(f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}; median of {args.repeat} reads\n")
    print("| figure | worked out ms | pickled KB | read from the cache ms |")
    print("|---|---:|---:|---:|")
    for name, compute in figures.items():
        started = time.perf_counter()
        value = remembered(("memo_cost", name), compute)
        computed_ms = (time.perf_counter() - started) * 1000
        size_kb = len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)) / 1024
        read_ms = median_ms(lambda: remembered(("memo_cost", name), compute), args.repeat)
        print(f"| {name} | {computed_ms:.0f} | {size_kb:.1f} | {read_ms:.2f} |")


if __name__ == "__main__":
    main()
