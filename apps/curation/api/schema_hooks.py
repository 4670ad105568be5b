"""What the generated schema says beyond each view: errors, CSV, who may read, links between operations.

A drf-spectacular postprocessing hook (``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``), so
every operation gets the same answers, and a generated client or schemathesis finds every
status the API can return described, with its body.
"""
ERROR = {
    "type": "object",
    "description": "What went wrong, in the request's language (Accept-Language: zh-hans by default, en).",
    "properties": {"detail": {"type": "string", "description": "The message."}},
    "required": ["detail"],
}
PARAMETER_ERRORS = {
    "type": "object",
    "description": "Each key is a query parameter that was refused; its messages say why, in the request's language.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "minProperties": 1,
}


def _error(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def error_responses(*, is_list: bool) -> dict:
    error = {"$ref": "#/components/schemas/Error"}
    # Error first: a generated client tries the variants in order, and ParameterErrors would take any object.
    bad_request = {"oneOf": [error, {"$ref": "#/components/schemas/ParameterErrors"}]}
    not_found = "No such record, or a record you may not see." + (
        " Also a page past the last, and a filter naming a record by an id no record you may see has "
        "(keyed by the parameter, like a 400)." if is_list else ""
    )
    return {
        "400": _error(
            "A malformed, empty, repeated or unknown query parameter (keyed by its name), or more query "
            "parameters than the server reads ({\"detail\": …}).", bad_request,
        ),
        "401": _error(
            "HTTP Basic credentials were sent and refused: wrong, or the user name is locked out at this address "
            "after repeated failures (see WWW-Authenticate). Anonymous reads need no credentials.", error,
        ),
        "404": _error(not_found, bad_request if is_list else error),
        "406": _error("The Accept header asks for a type the API does not give (application/json, text/csv).", error),
        "429": _error("Too many anonymous requests from this address; Retry-After says when to try again.", error),
    }


NO_NUL = "^[^\\u0000]+$"

CSV = {
    "schema": {"type": "string"},
    "example": "\ufeffurl,id,…\r\nhttp://127.0.0.1:8000/api/v1/…,1,…\r\n",
}


def _detail_operation(paths: dict, list_path: str) -> tuple[str, str] | None:
    """(operationId, path parameter) of the detail beside a list, if there is one."""
    for path, item in paths.items():
        if path.startswith(list_path) and path != list_path and path.count("/") == list_path.count("/") + 1:
            return item["get"]["operationId"], path[len(list_path):].strip("/{}")
    return None


# A proposal's nested replies lead to the replies' own records.
EXTRA_LINKS = {
    "proposals_retrieve": {
        "FirstReply": {
            "operationId": "replies_retrieve", "parameters": {"id": "$response.body#/replies/0/id"},
            "description": "The proposal's first reply as a record of its own.",
        },
    },
}


def csv_operation(operation: dict) -> dict:
    """``/api/v1/targets.csv``: the list as CSV only, for clients that pick one type per operation.

    ``?format=csv`` gives the same CSV, but a generated client parses every 200 of an operation
    one way (as the JSON page), so it cannot read the CSV answer of the JSON operation. CSV is
    not paged, so the paging parameters go too.
    """
    left_out = {"format", "page", "page_size"}
    responses = {status: response for status, response in operation["responses"].items() if status != "200"}
    return {
        **operation,
        "operationId": operation["operationId"] + "_csv",
        "description": operation.get("description", "") + "\n\nThe same list as `?format=csv`, as CSV only.",
        "parameters": [p for p in operation.get("parameters", []) if p["name"] not in left_out],
        "responses": {
            "200": {"description": "Every matching record as CSV (up to 10,000 rows).", "content": {"text/csv": CSV}},
            **responses,
        },
    }


def strict_parameters(operation: dict) -> None:
    """Say what the server refuses: empty values, NUL characters, empty lists."""
    for parameter in operation.get("parameters", []):
        schema = parameter["schema"]
        # A choice filter carries its model field's Chinese label as a title, which generators
        # turn into class names (TargetsList状态); the description already says what it is.
        schema.pop("title", None)
        if parameter["in"] == "query" and schema.get("type") == "string" and not {"enum", "pattern", "format"} & set(schema):
            schema.update(minLength=1, pattern=NO_NUL)  # no database stores a NUL
        if schema.get("type") == "array":
            schema["minItems"] = 1
            # The server reads ordering=a&ordering=b and ordering=a,b alike; the repeated form is
            # the one every generator sends.
            parameter.update(style="form", explode=True)
            parameter["description"] += "\n\nSeveral: repeat the parameter (ordering=a&ordering=b) or join them with commas."


def links(paths: dict, path: str, operation: dict) -> dict:
    """Where an answer leads: a list's first record, and the extra links of ``EXTRA_LINKS``."""
    found = dict(EXTRA_LINKS.get(operation["operationId"], {}))
    detail = _detail_operation(paths, path) if not path.endswith("}/") else None
    if detail is not None:
        operation_id, parameter = detail
        found["FirstRecord"] = {
            "operationId": operation_id, "parameters": {parameter: f"$response.body#/results/0/{parameter}"},
            "description": "The first record of the page.",
        }
    return found


def policytracker_postprocess(result, generator, request, public):
    """Errors and CSV on every operation, anonymous reads allowed, and links between operations."""
    result["components"]["schemas"].update(Error=ERROR, ParameterErrors=PARAMETER_ERRORS)
    paths = result["paths"]
    csv_paths = {}
    for path, item in paths.items():
        operation = item["get"]
        is_list = not path.rstrip("/").endswith("}")
        # Generators read a security list on an operation as "credentials required", even with the
        # empty requirement that makes them optional; the schema-wide list says the same to them.
        result.setdefault("security", operation.pop("security", []))
        strict_parameters(operation)
        responses = operation["responses"]
        responses["200"]["description"] = "The page of records." if is_list else "The record."
        responses["200"]["content"]["text/csv"] = CSV
        responses.update(error_responses(is_list=is_list))
        found = links(paths, path, operation)
        if found:
            responses["200"]["links"] = found
        if is_list:
            csv_paths[path.rstrip("/") + ".csv"] = {"get": csv_operation(operation)}
    paths.update(csv_paths)
    return result
