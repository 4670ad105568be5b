"""Examples in the API schema: a filtered list of targets, as the demo data has it (``load_demo``)."""
from drf_spectacular.utils import OpenApiExample

JIANGNING_TARGET = {'url': 'http://127.0.0.1:8000/api/v1/targets/1/',
 'id': 1,
 'indicator': {'url': 'http://127.0.0.1:8000/api/v1/indicators/91/',
               'id': 91,
               'name': '义务教育紧密型集团化办学覆盖率',
               'unit': '%'},
 'region': {'url': 'http://127.0.0.1:8000/api/v1/regions/320115/',
            'code': '320115',
            'name': '江宁区',
            'level': 'county'},
 'initiative': 'http://127.0.0.1:8000/api/v1/initiatives/5/',
 'comparator': 'gte',
 'comparator_display': '≥ 达到/以上',
 'value': '60.0000',
 'value_max': None,
 'unit': '%',
 'baseline': None,
 'deadline_year': 2025,
 'deadline_date': None,
 'value_text': '≥60%',
 'progress': 'no_evidence',
 'progress_display': '暂无证据',
 'source_document': 'http://127.0.0.1:8000/api/v1/documents/1/',
 'quote': '到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上',
 'status': 'published',
 'updated_at': '2026-12-02T05:51:14.773789+08:00'}

JIANGNING_TARGETS_DUE_2025 = OpenApiExample(
    "Jiangning's targets due in 2025",
    summary="GET /api/v1/targets/?region=320115&deadline_year=2025: one target",
    value=JIANGNING_TARGET,
    response_only=True,
)
# The request side of the example: the filters that give it.
JIANGNING_FILTERS = {"region": "320115", "deadline_year": 2025}
