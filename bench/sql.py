"""Hand-written SQL for the baselines: each returns what one API or UI page shows, in one query.

Each builder takes a WHERE clause over its table (alias ``d``, ``r``, ``t`` ...) and returns
one statement giving the page's rows with everything nested in them (organization,
regions, proposal ...), plus a ``total`` column holding the count the page also shows,
as a scalar subquery. URLs are built in SQL, as the API's serialisers build them.
The ordering is the page's own, so the same rows come back.
"""
API = "'http://127.0.0.1/api/v1/"
PUBLISHED = "'published'"

REGIONS_OF_DOCUMENT = f"""(
    SELECT json_agg(json_build_object('url', {API}regions/' || rg.code || '/', 'code', rg.code,
                                      'name', rg.name, 'level', rg.level) ORDER BY rg.code)
    FROM documents_document_regions dr JOIN regions_region rg ON rg.code = dr.region_id
    WHERE dr.document_id = p.id)"""


def region_object(alias: str) -> str:
    return (f"CASE WHEN {alias}.code IS NULL THEN NULL ELSE json_build_object('url', {API}regions/' || "
            f"{alias}.code || '/', 'code', {alias}.code, 'name', {alias}.name, 'level', {alias}.level) END")


def _visible(alias: str, published: bool) -> str:
    return f"{alias}.status = {PUBLISHED}" if published else "true"


def documents(where: str, *, order: str = "d.publish_date DESC, d.id DESC", limit: int = 50,
              published: bool = True) -> str:
    """The document list: summary columns, organization, regions; no text."""
    outer_order = order.replace("d.", "p.")
    visible = _visible("d", published)
    return f"""
WITH page AS (
    SELECT d.id, d.title, d.doc_type, d.publish_date, d.doc_number, d.source_url, d.source_site, d.status,
           d.updated_at, d.organization_id
    FROM documents_document d WHERE {visible} AND {where}
    ORDER BY {order} LIMIT {limit})
SELECT (SELECT count(*) FROM documents_document d WHERE {visible} AND {where}) AS total,
       {API}documents/' || p.id || '/' AS url, p.*,
       CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('url', {API}organizations/' || o.id || '/',
            'id', o.id, 'name', o.name) END AS organization,
       {REGIONS_OF_DOCUMENT} AS regions
FROM page p LEFT JOIN organizations_organization o ON o.id = p.organization_id
ORDER BY {outer_order}"""


def replies(where: str, *, limit: int = 50) -> str:
    """The reply list: the proposal it answers (with region), the responding body, the result."""
    return f"""
WITH page AS (
    SELECT r.* FROM proposals_reply r JOIN proposals_proposal pr ON pr.id = r.proposal_id
    WHERE r.status = {PUBLISHED} AND pr.status = {PUBLISHED} AND {where}
    ORDER BY r.reply_date, r.id LIMIT {limit})
SELECT (SELECT count(*) FROM proposals_reply r JOIN proposals_proposal pr ON pr.id = r.proposal_id
        WHERE r.status = {PUBLISHED} AND pr.status = {PUBLISHED} AND {where}) AS total,
       {API}replies/' || p.id || '/' AS url, p.id, p.reply_kind, p.reply_date, p.doc_number, p.satisfaction,
       p.status, p.updated_at,
       json_build_object('url', {API}proposals/' || pr.id || '/', 'id', pr.id, 'kind', pr.kind,
                         'session', pr.session, 'number', pr.number, 'title', pr.title,
                         'region', {region_object('rg')}) AS proposal,
       CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('url', {API}organizations/' || o.id || '/',
            'id', o.id, 'name', o.name) END AS responding_organization,
       CASE WHEN p.result_code = '' THEN NULL ELSE json_build_object('code', p.result_code,
            'scheme', p.result_scheme) END AS result
FROM page p JOIN proposals_proposal pr ON pr.id = p.proposal_id
LEFT JOIN regions_region rg ON rg.code = pr.region_id
LEFT JOIN organizations_organization o ON o.id = p.responding_organization_id
ORDER BY p.reply_date, p.id"""


def proposals(where: str, *, limit: int = 50) -> str:
    """The proposal list: region, proposers and brief replies (published ones)."""
    return f"""
WITH page AS (
    SELECT pr.* FROM proposals_proposal pr WHERE pr.status = {PUBLISHED} AND {where}
    ORDER BY pr.id DESC LIMIT {limit})
SELECT (SELECT count(*) FROM proposals_proposal pr WHERE pr.status = {PUBLISHED} AND {where}) AS total,
       {API}proposals/' || p.id || '/' AS url, p.id, p.kind, p.session, p.number, p.title, p.subject,
       p.assigned_date, p.due_date, p.status, p.updated_at, {region_object('rg')} AS region,
       (SELECT json_agg(json_build_object('name', s.name, 'role', s.role, 'is_lead', s.is_lead)
                        ORDER BY s.is_lead DESC, s.id)
        FROM proposals_proposer s WHERE s.proposal_id = p.id) AS proposers,
       (SELECT json_agg(json_build_object('url', {API}replies/' || r.id || '/', 'id', r.id,
                                          'reply_kind', r.reply_kind, 'reply_date', r.reply_date,
                                          'result_code', r.result_code) ORDER BY r.reply_date, r.id)
        FROM proposals_reply r WHERE r.proposal_id = p.id AND r.status = {PUBLISHED}) AS replies
FROM page p LEFT JOIN regions_region rg ON rg.code = p.region_id
ORDER BY p.id DESC"""


# A target's progress as Target.objects.with_progress() reads it from the stored evidence and
# due day (apps/targets/evidence.py); today given as %(today)s.
TARGET_PROGRESS = """CASE
    WHEN t.progress_override <> '' THEN t.progress_override
    WHEN t.evidence = 'met' THEN 'achieved'
    WHEN t.evidence = 'none' AND t.deadline_on < %(today)s THEN 'unverified'
    WHEN t.evidence = 'none' THEN 'open'
    WHEN t.deadline_on < %(today)s THEN 'missed'
    ELSE 'on_track' END"""
# The same as a condition an index on (evidence, deadline_on) serves, by state (legacy words included).
PROGRESS_CONDITION = {
    "achieved": "t.progress_override = 'achieved' OR (t.progress_override = '' AND t.evidence = 'met')",
    "missed": "t.progress_override = 'missed' OR (t.progress_override = '' AND t.evidence = 'short' "
              "AND t.deadline_on < %(today)s)",
    "open": "t.progress_override = 'open' OR (t.progress_override = '' AND t.evidence = 'none' "
            "AND (t.deadline_on >= %(today)s OR t.deadline_on IS NULL))",
    "no_evidence": "t.progress_override IN ('open', 'unverified') OR (t.progress_override = '' AND t.evidence = 'none')",
}


def targets(where: str, *, progress: str | None = None, limit: int = 50, published: bool = True,
            source_title: bool = False) -> str:
    """The target list with each target's progress; ``progress`` filters on it."""
    progress_filter = f"AND ({PROGRESS_CONDITION[progress]})" if progress else ""
    visible = _visible("t", published)
    matching = f"""FROM targets_target t WHERE {visible} AND {where} {progress_filter}"""
    return f"""
WITH page AS (
    SELECT t.*, ({TARGET_PROGRESS}) AS progress
    FROM targets_target t JOIN targets_indicator i ON i.id = t.indicator_id
    WHERE {visible} AND {where} {progress_filter}
    ORDER BY t.deadline_year, i.name, t.region_id, t.id LIMIT {limit})
SELECT (SELECT count(*) {matching}) AS total,
       {API}targets/' || p.id || '/' AS url, p.id, p.comparator, p.value, p.value_max, p.unit, p.baseline,
       p.deadline_year, p.deadline_date, p.quote, p.status, p.updated_at, p.progress,
       json_build_object('url', {API}indicators/' || i.id || '/', 'id', i.id, 'name', i.name, 'unit', i.unit)
           AS indicator,
       {region_object('rg')} AS region,
       CASE WHEN p.initiative_id IS NULL THEN NULL ELSE {API}initiatives/' || p.initiative_id || '/' END
           AS initiative,
       CASE WHEN p.source_document_id IS NULL THEN NULL ELSE {API}documents/' || p.source_document_id || '/' END
           AS source_document
       {", sd.title AS source_title" if source_title else ""}
FROM page p JOIN targets_indicator i ON i.id = p.indicator_id LEFT JOIN regions_region rg ON rg.code = p.region_id
{"LEFT JOIN documents_document sd ON sd.id = p.source_document_id" if source_title else ""}
ORDER BY p.deadline_year, i.name, p.region_id, p.id"""


def observations(where: str, *, limit: int = 50) -> str:
    return f"""
WITH page AS (
    SELECT o.*, i.name AS indicator_name FROM targets_observation o JOIN targets_indicator i ON i.id = o.indicator_id
    WHERE o.status = {PUBLISHED} AND {where}
    ORDER BY i.name, o.region_id, o.observed_on DESC, o.id LIMIT {limit})
SELECT (SELECT count(*) FROM targets_observation o WHERE o.status = {PUBLISHED} AND {where}) AS total,
       {API}observations/' || p.id || '/' AS url, p.id, p.value, p.unit, p.observed_on, p.quote, p.status,
       p.updated_at,
       json_build_object('url', {API}indicators/' || p.indicator_id || '/', 'id', p.indicator_id,
                         'name', p.indicator_name) AS indicator,
       {region_object('rg')} AS region,
       CASE WHEN p.source_document_id IS NULL THEN NULL ELSE {API}documents/' || p.source_document_id || '/' END
           AS source_document
FROM page p LEFT JOIN regions_region rg ON rg.code = p.region_id
ORDER BY p.indicator_name, p.region_id, p.observed_on DESC, p.id"""


def initiatives(where: str, *, limit: int = 50) -> str:
    return f"""
WITH page AS (
    SELECT n.* FROM initiatives_initiative n WHERE n.status = {PUBLISHED} AND {where}
    ORDER BY n.name, n.id LIMIT {limit})
SELECT (SELECT count(*) FROM initiatives_initiative n WHERE n.status = {PUBLISHED} AND {where}) AS total,
       {API}initiatives/' || p.id || '/' AS url, p.id, p.name, p.theme, p.start_year, p.end_year, p.status,
       p.updated_at, {region_object('rg')} AS region,
       CASE WHEN p.parent_id IS NULL THEN NULL ELSE {API}initiatives/' || p.parent_id || '/' END AS parent
FROM page p LEFT JOIN regions_region rg ON rg.code = p.region_id
ORDER BY p.name, p.id"""
