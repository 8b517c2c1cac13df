"""The ``kg`` command line: build, serve, query, export, extract, settings."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import click

from kg import __version__
from kg.config import SETTINGS, Settings, load_settings
from kg.errors import KGError

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns KGError into a message on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(1)


def store_option(function: F) -> F:
    return click.option("--store", "store", metavar="DIR",
                        help="Store directory, or 'memory:' [env KG_STORE; default "
                             "~/.local/share/kg/store].")(function)


def _settings(**overrides: Any) -> Settings:
    return load_settings(**overrides)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build a knowledge graph from Norwegian (Bokmål) security-policy news and serve it
    as a SPARQL 1.1 endpoint, Linked Data and JSON-LD."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--base-iri", help="Base IRI for minted IRIs [env KG_BASE_IRI].")
@click.option("--reasoning/--no-reasoning", default=None,
              help="Materialise OWL RL inferences (default on) [env KG_REASONING].")
@click.option("--reasoner", type=click.Choice(["compiled", "owlrl"]), default=None,
              help="OWL RL engine (default compiled) [env KG_REASONER].")
@click.option("--workers", type=int, default=None,
              help="Worker processes (default: one per core; 1: none) [env KG_WORKERS].")
@click.option("--ner/--no-ner", default=None,
              help="Statistical recogniser for names no gazetteer knows (default on) "
                   "[env KG_NER].")
@click.option("--learned-triggers/--no-learned-triggers", default=None,
              help="Learned trigger detector for phrasings no pattern knows (default on) "
                   "[env KG_LEARNED_TRIGGERS].")
@click.option("--force", is_flag=True, help="Rebuild articles whose content is already stored.")
@click.option("--verbose", "-v", is_flag=True,
              help="Print 'stored <id>' as each article's transaction commits.")
def build(paths: tuple[str, ...], store: str | None, base_iri: str | None,
          reasoning: bool | None, reasoner: str | None, workers: int | None,
          ner: bool | None, learned_triggers: bool | None, force: bool,
          verbose: bool) -> None:
    """Read articles (files, folders, or - for standard input), extract, link, reason and
    store them. Plain-text files start with a 'date YYYY-MM[-DD]' line; .jsonl files hold
    one article per line. Building an article again replaces its graph; an article already
    stored with the same content is skipped, so an interrupted build resumes.

    Exit status: 0 when every article was stored, 1 when some could not be read or built
    (the others are stored), 2 on a usage error."""
    from kg.pipeline import Builder
    from kg.pipeline import build as run_build
    from kg.read import count_articles, read_articles
    from kg.store import open_configured

    settings = _settings(store=store, base_iri=base_iri, reasoning=reasoning,
                         reasoner=reasoner, workers=workers, ner=ner,
                         learned_triggers=learned_triggers)
    graph_store = open_configured(settings)
    builder = Builder.create(settings.base_iri, reasoning=settings.reasoning,
                             reasoner=settings.reasoner, ner=settings.ner,
                             learned=settings.learned_triggers)
    total = count_articles(paths) if "-" not in paths else None
    def stored(article_id: str) -> None:
        if verbose:
            click.echo(f"stored {article_id}", err=True)
            sys.stderr.flush()

    with click.progressbar(length=total or 0, label="Building", file=sys.stderr,
                           show_pos=True, show_eta=total is not None) as bar:
        report = run_build(read_articles(paths), store=graph_store, builder=builder,
                           progress=lambda _source: bar.update(1), workers=settings.workers,
                           force=force, on_stored=stored)
    graph_store.close()
    for source, reason in report.failed:
        click.echo(f"skipped {source}: {reason}", err=True)
    unchanged = f", {len(report.unchanged)} unchanged" if report.unchanged else ""
    click.echo(f"stored {len(report.stored)} article(s){unchanged}, {len(report.failed)} "
               f"failed; store: {settings.store_location}", err=True)
    if report.failed:
        sys.exit(1)


@main.command()
@store_option
@click.option("--base-iri", help="Base IRI the store's IRIs were minted under.")
@click.option("--reasoner", type=click.Choice(["compiled", "owlrl"]), default=None,
              help="OWL RL engine (default compiled) [env KG_REASONER].")
def reason(store: str | None, base_iri: str | None, reasoner: str | None) -> None:
    """Recompute every inferred graph from the asserted graphs and the current ontology
    (run it after changing the ontology)."""
    import time

    from kg.pipeline import Builder, rematerialise
    from kg.store import open_configured

    settings = _settings(store=store, base_iri=base_iri, reasoner=reasoner)
    graph_store = open_configured(settings)
    builder = Builder.create(settings.base_iri, reasoner=settings.reasoner)
    started = time.perf_counter()
    written = rematerialise(graph_store, builder)
    graph_store.close()
    click.echo(f"wrote {written} inferred triples in {time.perf_counter() - started:.1f} s",
               err=True)


@main.command()
@store_option
@click.option("--host", help="Interface to listen on [default 127.0.0.1: this machine only].")
@click.option("--port", type=int, help="Port [default 8000; 0 picks a free one].")
@click.option("--base-iri", help="Base IRI the store's IRIs were minted under.")
@click.option("--threads", type=int, help="Worker threads [default 4].")
def serve(store: str | None, host: str | None, port: int | None, base_iri: str | None,
          threads: int | None) -> None:
    """Serve the store over HTTP: /sparql (SPARQL 1.1 and YASGUI), /store (Graph Store
    Protocol), /dataset, /ontology, /id/... pages, /api/... JSON-LD views, /openapi.json.

    Updates are off unless a write token is set (KG_WRITE_TOKEN or KG_WRITE_TOKEN_FILE)."""
    import waitress

    from kg.store import open_configured
    from server import create_app

    settings = _settings(store=store, host=host, port=port, base_iri=base_iri, threads=threads)
    graph_store = open_configured(settings, serving=True)
    app = create_app(settings, store=graph_store)
    server = waitress.create_server(app, host=settings.host, port=settings.port,
                                    threads=settings.threads, ident="kg",
                                    max_request_body_size=settings.max_body_bytes)
    actual_port = server.effective_port
    click.echo(f"Listening on http://{settings.host}:{actual_port}", err=True)
    sys.stderr.flush()

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        graph_store.close()


@main.command()
@click.argument("query", required=False)
@click.option("--file", "-f", "file", type=click.Path(exists=True, dir_okay=False),
              help="Read the query from a file ('-' for standard input).")
@store_option
@click.option("--format", "fmt", default=None,
              help="table (default for SELECT/ASK), json, xml, csv, tsv; for graphs turtle "
                   "(default), ntriples, rdfxml, jsonld, trig, nquads.")
def query(query: str | None, file: str | None, store: str | None, fmt: str | None) -> None:
    """Run a SPARQL query against the store (the default graph is the union of all graphs)."""
    import pyoxigraph as ox

    from kg.formats import GRAPH_FORMATS, RESULT_FORMATS, by_name
    from kg.serialize import graph_bytes, results_bytes
    from kg.store import open_configured

    if file:
        query = Path(file).read_text(encoding="utf-8")
    if not query:
        raise click.UsageError("give a query as an argument or with --file")
    settings = _settings(store=store)
    graph_store = open_configured(settings, read_only=True)
    result = graph_store.query(query)
    out = sys.stdout.buffer
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        if fmt in (None, "table"):
            click.echo(_table(result))
            return
        chosen = by_name(fmt, RESULT_FORMATS)
        if chosen is None:
            raise click.BadParameter(f"{fmt!r} is not a result format", param_hint="--format")
        out.write(results_bytes(result, chosen))
        return
    chosen = by_name(fmt or "turtle", GRAPH_FORMATS)
    if chosen is None:
        raise click.BadParameter(f"{fmt!r} is not a graph format", param_hint="--format")
    out.write(graph_bytes(result, chosen))


def _table(result: Any) -> str:
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return "true" if bool(result) else "false"
    names = [v.value for v in result.variables]
    rows = [[_cell(solution[name]) for name in names] for solution in result]
    widths = [max([len(n)] + [min(len(r[i]), 80) for r in rows]) for i, n in enumerate(names)]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c[:80].ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _cell(term: Any) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    return str(term.value) if hasattr(term, "value") else str(term)


@main.command()
@store_option
@click.option("--format", "fmt", default="trig", show_default=True,
              help="turtle, ntriples, rdfxml, jsonld (triple formats merge the graphs); "
                   "trig, nquads (keep the named graphs).")
@click.option("--graph", help="Export only this named graph.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to a file.")
def export(store: str | None, fmt: str, graph: str | None, output: str | None) -> None:
    """Export the store (or one named graph)."""
    from kg.formats import GRAPH_FORMATS, by_name
    from kg.serialize import export_bytes
    from kg.store import open_configured

    chosen = by_name(fmt, GRAPH_FORMATS)
    if chosen is None:
        raise click.BadParameter(f"{fmt!r} is not a graph format", param_hint="--format")
    settings = _settings(store=store)
    graph_store = open_configured(settings, read_only=True)
    data = export_bytes(graph_store, chosen, graph=graph)
    if output:
        Path(output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "turtle", "jsonld"]),
              default="table", show_default=True)
@click.option("--base-iri", help="Base IRI for minted IRIs.")
@click.option("--ner/--no-ner", default=None,
              help="Statistical recogniser for names no gazetteer knows (default on).")
@click.option("--learned-triggers/--no-learned-triggers", default=None,
              help="Learned trigger detector for phrasings no pattern knows (default on).")
def extract(path: str, fmt: str, base_iri: str | None, ner: bool | None,
            learned_triggers: bool | None) -> None:
    """Print what the extractor finds in one article, without touching a store."""
    from kg.errors import ArticleError
    from kg.extract import extract as run_extract
    from kg.extract.learned import load_detector
    from kg.extract.lexicon import load_lexicon
    from kg.gazetteer import load_gazetteer
    from kg.iri import IRIMinter
    from kg.link import link
    from kg.mapping import to_rdf
    from kg.pipeline import recognize
    from kg.read import read_articles
    from kg.vocab import bind_all

    items = list(read_articles([path]))
    settings = _settings(base_iri=base_iri, ner=ner, learned_triggers=learned_triggers)
    gazetteer, lexicon = load_gazetteer(), load_lexicon()
    detector = load_detector() if settings.learned_triggers else None
    failed = False
    for item in items:
        if isinstance(item, ArticleError):
            click.echo(f"skipped {item.source}: {item.reason}", err=True)
            failed = True
            continue
        extraction = run_extract(item, gazetteer=gazetteer, lexicon=lexicon,
                                 recognizer=recognize if settings.ner else None,
                                 detector=detector)
        if fmt == "json":
            data = asdict(extraction)
            data["article"].pop("text")
            click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        elif fmt in ("turtle", "jsonld"):
            graphs = to_rdf(link(extraction, gazetteer=gazetteer),
                            minter=IRIMinter(settings.base_iri))
            merged = graphs.asserted + graphs.entities
            bind_all(merged)
            click.echo(merged.serialize(format="turtle" if fmt == "turtle" else "json-ld"))
        else:
            click.echo(_extraction_table(extraction))
    if failed:
        sys.exit(1)


def _extraction_table(extraction: Any) -> str:
    text = extraction.article.text
    lines = [f"# {extraction.article.id} ({extraction.article.published}) "
             f"extractor {extraction.extractor}", "", "## Entities"]
    for entity in extraction.entities:
        lines.append(f"- {entity.type.value:<12} {entity.name} ({len(entity.mentions)} mentions)")
    lines += ["", "## Statements"]
    for number, st in enumerate(extraction.statements, start=1):
        who = st.speaker.split(":", 1)[1] if st.speaker else "?"
        lines.append(f"{number:>3}. [{st.form}, {st.verb or '-'}] {who}: "
                     f"{text[st.text.start:st.text.end]!r} @{st.text.start}-{st.text.end}")
    lines += ["", "## Military actions"]
    for action in extraction.actions:
        agent = action.agent.split(":", 1)[1] if action.agent else "?"
        dest = action.destination.split(":", 1)[1] if action.destination else "-"
        line = (f"- {action.kind} by {agent} -> {dest}, status {action.status}, personnel "
                f"{action.personnel_min}-{action.personnel_max}, duration {action.duration}")
        for label, keys in (("from", (action.origin,) if action.origin else ()),
                            ("target", (action.target,) if action.target else ()),
                            ("near", action.near), ("in", action.location)):
            if keys:
                line += f", {label} " + "+".join(key.split(":", 1)[1] for key in keys)
        lines.append(line)
    return "\n".join(lines)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--gold", "gold", type=click.Path(exists=True, dir_okay=False),
              help="Gold file in the gold.json schema [default: $KG_SHARED_DIR/seeds/gold.json "
                   "or ../shared/seeds/gold.json next to the repository].")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--diff/--no-diff", default=True, show_default=True,
              help="List what was missed, invented, wrong, and every must_not violation.")
def evaluate(paths: tuple[str, ...], gold: str | None, store: str | None, fmt: str,
             diff: bool) -> None:
    """Score extraction against a gold file through SPARQL: precision, recall and F1 for
    entities, statements, actions and roles, with a per-item diff. Builds PATHS (default
    seeds/) into a throw-away store, or reads an existing store with --store."""
    from kg.evaluate import default_gold_path, evaluate_store, format_report
    from kg.pipeline import Builder
    from kg.pipeline import build as run_build
    from kg.read import read_articles
    from kg.store import open_configured, open_store

    gold_path = Path(gold) if gold else default_gold_path()
    if not gold_path.is_file():
        raise click.UsageError(f"gold file not found: {gold_path} (use --gold)")
    if store and not paths:
        graph_store = open_configured(_settings(store=store), read_only=True)
    else:
        graph_store = open_store("memory:")
        settings = _settings()
        builder = Builder.create(settings.base_iri, reasoning=False, ner=settings.ner,
                                 learned=settings.learned_triggers)
        run_build(read_articles(list(paths) or ["seeds"]), store=graph_store, builder=builder)
    report = evaluate_store(graph_store, gold_path)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, diff=diff))


def settings_markdown() -> str:
    """The settings table as Markdown (README embeds it; a test keeps them equal)."""
    lines = ["| setting | environment variable | default | meaning |", "|---|---|---|---|"]
    for setting in SETTINGS:
        default = "(see meaning)" if setting.name == "store" else f"`{setting.default!r}`"
        lines.append(f"| `{setting.name}` | `{setting.env}` | {default} | {setting.help} |")
    return "\n".join(lines)


@main.command("settings")
@click.option("--markdown", is_flag=True, help="Print the table as Markdown.")
def settings_command(markdown: bool) -> None:
    """List every setting with its environment variable, default and meaning."""
    if markdown:
        click.echo(settings_markdown())
        return
    for setting in SETTINGS:
        click.echo(f"{setting.name} ({setting.env}) default: {setting.default!r}\n"
                   f"    {setting.help}")
