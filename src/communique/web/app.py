"""The web server: a JSON API over a store (read-only, but for token-guarded posting of documents)
and the page that explores it. Build it with create_app(db, token)."""

import hmac
import io
import json
from pathlib import Path
from typing import Literal

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from communique import __version__
from communique.ontology.cameo import codes
from communique.store import browse
from communique.store.actors import people
from communique.store.schema import StoreError, open_readonly
from communique.web.filters import EventFilters, reject_unknown

STATIC = Path(__file__).parent / "static"
MAX_POST_BYTES = 10 * 1024 * 1024    # one POST of articles
MAX_POST_DOCS = 200
SECURITY_HEADERS = {
    # everything the page uses comes from this server; nothing is fetched from elsewhere
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db, token=None):
    """The ASGI app serving the store at db; POST /api/documents works only when token is set."""
    db = str(db)
    open_readonly(db).close()           # fail now, with a clear message, not at the first request
    # no /docs pages: FastAPI's load their scripts from a CDN; the schema is at /api/openapi.json
    app = FastAPI(title="communique", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Political and diplomatic events coded from news, with the sentences that report them.")
    app.state.db, app.state.token, app.state.cache = db, token or None, {}
    _add_handlers(app)
    _add_read_routes(app)
    _add_post_route(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _add_handlers(app):
    """Clear 4xx answers for bad requests, and safe headers on every answer."""

    @app.exception_handler(StoreError)
    async def store_error(request, exc):
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid(request, exc):
        problems = [f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()]
        return JSONResponse({"detail": "; ".join(problems)}, status_code=422)

    @app.middleware("http")
    async def headers(request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response


def store(request: Request):
    """A read-only connection to the store for one request."""
    con = open_readonly(request.app.state.db)
    try:
        yield con
    finally:
        con.close()


EVENT_ID = PathParam(..., ge=1, le=2**63 - 1, description="a stored event's id")
DOC_ID = PathParam(..., min_length=1, max_length=300, pattern=r"^[^\x00-\x1f/\\]+$", description="a document's id")


def _add_read_routes(app):
    """The page and the read-only API."""

    @app.get("/", include_in_schema=False)
    def page():
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/api/events", summary="Events matching filters, sorted, a page at a time",
             dependencies=[Depends(reject_unknown(EventFilters.NAMES | {"sort", "limit", "offset"}))])
    def events(filters: EventFilters = Depends(), con=Depends(store),
               sort: Literal[tuple(browse.SORTS)] = "-date",
               limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)):
        found = browse.page(con, sort=sort, limit=limit, offset=offset, **filters.as_query())
        return _json(browse.page_json(found, limit=limit, offset=offset, sort=sort))

    @app.get("/api/events/{event_id}", summary="One event with every sentence that reports it")
    def event(event_id: int = EVENT_ID, con=Depends(store)):
        return _or_404(browse.detail(con, event_id), f"no event {event_id}")

    @app.get("/api/timeline", summary="The contacts between two parties, in date order",
             dependencies=[Depends(reject_unknown(EventFilters.NAMES | {"limit"}))])
    def timeline(filters: EventFilters = Depends(), con=Depends(store), limit: int = Query(500, ge=1, le=5000)):
        if not (filters.a and filters.b):
            raise HTTPException(400, "a and b: name the two parties of the timeline (e.g. a=RUS&b=USA)")
        found = browse.page(con, sort="date", limit=limit, **filters.as_query())
        return _json(browse.page_json(found, a=filters.a, b=filters.b))

    @app.get("/api/network", summary="Who deals with whom: parties and their contacts",
             dependencies=[Depends(reject_unknown(EventFilters.NAMES | {"edges"}))])
    def network(filters: EventFilters = Depends(), con=Depends(store), edges: int = Query(150, ge=1, le=1000)):
        query = filters.as_query()
        return _cached(app, con, ("network", edges, repr(sorted(query.items()))),
                       lambda: browse.network(con, limit_edges=edges, **query))

    @app.get("/api/actors", summary="Countries and organisations (or people) in the store, most events first",
             dependencies=[Depends(reject_unknown({"kind", "prefix", "limit"}))])
    def actors(con=Depends(store), kind: Literal["parties", "people"] = "parties",
               prefix: str | None = Query(None, max_length=10, pattern=r"^[A-Za-z]+$"),
               limit: int = Query(200, ge=1, le=1000)):
        if kind == "people":
            return _cached(app, con, ("people", limit), lambda: {"actors": people(con)[:limit]})
        return _cached(app, con, ("actors", prefix, limit), lambda: {"actors": browse.parties(con, prefix, limit)})

    @app.get("/api/documents/{doc_id}", summary="One stored document and its events")
    def document(doc_id: str = DOC_ID, con=Depends(store)):
        return _or_404(browse.document(con, doc_id), f"no document {doc_id!r}")

    @app.get("/api/about", summary="The server: version, store, whether posting documents is on")
    def about(con=Depends(store)):
        counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "events")}
        return {"version": __version__, "posting": app.state.token is not None, **counts,
                "roots": roots(), "plover": sorted(EventFilters.PLOVER), "languages": sorted(EventFilters.LANGS)}


def _or_404(found, message):
    """What the store found, or a 404 saying what is missing."""
    if found is None:
        raise HTTPException(404, message)
    return found


CACHED = 256     # answers of the slow aggregate questions kept per server


def _cached(app, con, key, compute):
    """compute()'s answer, kept until the store changes (its newest report or event id moves)."""
    version = tuple(con.execute("SELECT (SELECT MAX(report_id) FROM reports), (SELECT MAX(event_id) FROM events)")
                    .fetchone())
    cache = app.state.cache
    found = cache.get(key)
    if found is None or found[0] != version:
        if len(cache) >= CACHED:
            cache.clear()
        found = cache[key] = (version, compute())
    return found[1]


def _json(text):
    """A response of JSON text made already (pages of events are spliced from the store's JSON)."""
    return Response(text, media_type="application/json")


def _add_post_route(app):
    """POST /api/documents: code and store new articles; off unless a token was configured."""

    @app.post("/api/documents", status_code=201, summary="Code and store articles (needs the server's token)")
    async def post_documents(request: Request):
        _check_token(request)
        too_big = HTTPException(413, f"at most {MAX_POST_BYTES // 1048576} MB of articles per request")
        declared = request.headers.get("content-length", "0")
        if not declared.isdigit() or int(declared) > MAX_POST_BYTES:
            raise too_big
        body = bytearray()
        async for chunk in request.stream():      # a body sent in chunks is capped as it arrives
            body += chunk
            if len(body) > MAX_POST_BYTES:
                raise too_big
        lines = _post_lines(bytes(body))
        return await run_in_threadpool(_ingest_lines, request.app.state.db, lines)


def _check_token(request):
    """403 when posting is off; 401 without the right bearer token."""
    token = request.app.state.token
    if token is None:
        raise HTTPException(403, "posting documents is off: start the server with --token (or COMMUNIQUE_TOKEN)")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


def _post_lines(body):
    """The JSON Lines of a POST body holding one article object or a list of them."""
    try:
        data = json.loads(body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"the body must be JSON: {exc}") from None
    docs = data if isinstance(data, list) else [data]
    if not docs or not all(isinstance(d, dict) for d in docs):
        raise HTTPException(400, 'the body must be an article {"id", "text" | "html", "date", "url", "lang", '
                                 '"source"} or a list of them')
    if len(docs) > MAX_POST_DOCS:
        raise HTTPException(413, f"at most {MAX_POST_DOCS} articles per request")
    return "\n".join(json.dumps(d, ensure_ascii=False) for d in docs).encode()


def _ingest_lines(db, lines):
    """Code and store JSON Lines of articles; what was done, with a message per failed article."""
    from communique.ingest.readers import read_source
    from communique.store.ingest import ingest

    log = io.StringIO()
    tally = ingest(db, read_source("request", lines, fmt="jsonl"), workers=1, log=log)
    return {**vars(tally), "errors": [m.removeprefix("communique: ") for m in log.getvalue().splitlines()]}


def roots():
    """The 20 CAMEO root codes with their names, for the page's filters and legend."""
    table = codes()
    return {r: table[r]["name"].capitalize() for r in (f"{n:02d}" for n in range(1, 21))}
