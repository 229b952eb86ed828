//! Extracts facts from Vietnamese government texts and writes JSON Lines.
//!
//! ```text
//! cargo run --release --example extract -- corpus/docs > facts.jsonl
//! cargo run --release --example extract -- corpus/docs --eval corpus/gold
//! cargo run --release --example extract -- corpus/docs --graph cites.csv > /dev/null
//! cargo run --release --example extract -- corpus/docs --graph cites.dot --graph-format dot > /dev/null
//! ```
//!
//! `--graph` writes the citation edges of the corpus: each document (its own
//! symbol when its text gives one, else its id) to each document it cites
//! (the canonical symbol of a `reference` fact), with the cited kind and issue
//! date; one edge per pair, self-citations left out.
//!
//! Reads `.txt` (optional first-line header ` date YYYY-MM-DD `), `.md`, `.jsonl`
//! and `.json` files and folders of them (recursively, in sorted order), or
//! standard input (`-` or no path). Writes one JSON object per document. A bad
//! file or record gets one line on stderr naming it; the rest is still
//! processed and the exit status is 1 at the end.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use vanban::input::{decode_text, markdown_to_text, parse_record, split_header};
use vanban::output::{Record, RecordOptions};
use vanban::{Document, Extractor, Fact, OffsetMap};

#[derive(Parser, Debug)]
#[command(
    name = "extract",
    version,
    about = "Extract facts (money, percentages, dates, periods, ...) from Vietnamese government texts as JSON Lines",
    after_help = "Output: one JSON object per document: {\"id\", \"date\", \"facts\": [{\"type\", \"text\", \"span\", ...}]}.\n\
Spans are byte offsets into the normalised text (--text includes it).\n\
Exit status: 0 if every input was read, 1 if any file or record was bad (each is named on stderr), 2 on usage errors."
)]
struct Args {
    /// Files or folders to read (.txt, .md, .jsonl, .json); `-` or none reads standard input
    paths: Vec<PathBuf>,

    /// Write the records to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Indent the JSON (one document per block instead of per line)
    #[arg(long)]
    pretty: bool,

    /// Score against gold files in DIR and print the table on stdout (records go to --output only)
    #[arg(long, value_name = "DIR")]
    eval: Option<PathBuf>,

    /// With --eval: list up to N missed and extra facts per type
    #[arg(long, value_name = "N", default_value_t = 0)]
    show_errors: usize,

    /// Document date for documents that give none (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    date: Option<NaiveDate>,

    /// Include the normalised text in each record
    #[arg(long)]
    text: bool,

    /// Include the dropped blocks (captions, navigation, ...) in each record
    #[arg(long)]
    dropped: bool,

    /// Also read facts from dropped blocks
    #[arg(long)]
    keep_dropped: bool,

    /// How to read standard input and files with other extensions
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    format: Format,

    /// Print each document's deadlines and dated targets in date order as a
    /// table (with --json: one JSON line per entry) instead of the records
    #[arg(long)]
    timeline: bool,

    /// With --timeline: JSON Lines instead of a table
    #[arg(long, requires = "timeline")]
    json: bool,

    /// No progress bar and no summary
    #[arg(short, long)]
    quiet: bool,

    /// Write the citation graph (document -> cited document) to FILE
    #[arg(long, value_name = "FILE")]
    graph: Option<PathBuf>,

    /// Format of the --graph file
    #[arg(long, value_enum, default_value_t = GraphFormat::Csv)]
    graph_format: GraphFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum GraphFormat {
    /// `source,document,target,kind,issued`, one edge per line, with a header
    Csv,
    /// Graphviz DOT (`dot -Tsvg cites.dot > cites.svg`)
    Dot,
}

/// One citation: a document cites another.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edge {
    /// The citing document's own symbol, else its id.
    source: String,
    /// The citing document's id.
    document: String,
    /// The cited document's canonical symbol.
    target: String,
    /// The cited document's kind, if known.
    kind: Option<String>,
    /// The cited document's issue date, if the text gives it.
    issued: Option<NaiveDate>,
}

/// The citation edges of one document: one per cited symbol, with the first
/// kind and issue date stated for it; the document's own symbol left out.
fn edges_of(doc: &Document) -> Vec<Edge> {
    let id = doc.id.clone().unwrap_or_default();
    let own = doc.meta.as_ref().and_then(|m| m.symbol.clone());
    let source = own.clone().unwrap_or_else(|| id.clone());
    let mut edges: Vec<Edge> = Vec::new();
    for fact in &doc.facts {
        let Fact::Reference(r) = fact else { continue };
        if own.as_deref() == Some(r.canonical.as_str()) {
            continue;
        }
        match edges.iter_mut().find(|e| e.target == r.canonical) {
            Some(e) => {
                e.kind = e.kind.take().or_else(|| r.kind.clone());
                e.issued = e.issued.or(r.issued);
            }
            None => edges.push(Edge {
                source: source.clone(),
                document: id.clone(),
                target: r.canonical.clone(),
                kind: r.kind.clone(),
                issued: r.issued,
            }),
        }
    }
    edges
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A DOT string literal.
fn dot_string(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', " ")
    )
}

fn write_graph(path: &Path, format: GraphFormat, edges: &[Edge]) -> io::Result<()> {
    let file = File::create(path)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display())))?;
    let mut w = BufWriter::new(file);
    match format {
        GraphFormat::Csv => {
            writeln!(w, "source,document,target,kind,issued")?;
            for e in edges {
                writeln!(
                    w,
                    "{},{},{},{},{}",
                    csv_field(&e.source),
                    csv_field(&e.document),
                    csv_field(&e.target),
                    csv_field(e.kind.as_deref().unwrap_or("")),
                    e.issued.map(|d| d.to_string()).unwrap_or_default()
                )?;
            }
        }
        GraphFormat::Dot => {
            writeln!(w, "digraph citations {{")?;
            writeln!(w, "  rankdir=LR;")?;
            writeln!(w, "  node [shape=box, fontname=\"sans-serif\"];")?;
            let mut cited: Vec<(&str, Option<&str>)> = Vec::new();
            for e in edges {
                if !cited.iter().any(|(t, _)| *t == e.target) {
                    cited.push((&e.target, e.kind.as_deref()));
                }
            }
            for (target, kind) in &cited {
                let label = match kind {
                    Some(k) if !target.starts_with(k) => format!("{k} {target}"),
                    _ => target.to_string(),
                };
                writeln!(
                    w,
                    "  {} [label={}];",
                    dot_string(target),
                    dot_string(&label)
                )?;
            }
            // Documents known only by their id are ellipses.
            let mut ids: Vec<&str> = Vec::new();
            for e in edges.iter().filter(|e| e.source == e.document) {
                if !ids.contains(&e.document.as_str()) {
                    ids.push(&e.document);
                    writeln!(w, "  {} [shape=ellipse];", dot_string(&e.document))?;
                }
            }
            for e in edges {
                let label = e.issued.map(|d| d.to_string()).unwrap_or_default();
                writeln!(
                    w,
                    "  {} -> {} [label={}];",
                    dot_string(&e.source),
                    dot_string(&e.target),
                    dot_string(&label)
                )?;
            }
            writeln!(w, "}}")?;
        }
    }
    w.flush()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// By extension; standard input is JSON Lines if it starts with `{`
    Auto,
    Txt,
    Md,
    Jsonl,
}

/// Where records go and what was seen.
struct Run {
    extractor: Extractor,
    timeline: Option<bool>,
    options: RecordOptions,
    pretty: bool,
    out: Option<Box<dyn Write>>,
    keep: Option<Vec<serde_json::Value>>,
    /// Citation edges, when `--graph` is given.
    edges: Option<Vec<Edge>>,
    documents: usize,
    facts: usize,
    errors: usize,
    bytes: u64,
    progress: Option<ProgressBar>,
}

impl Run {
    fn error(&mut self, place: &str, message: &str) {
        self.errors += 1;
        let line = format!("extract: {place}: {message}");
        match &self.progress {
            Some(p) => p.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn advance(&mut self, bytes: u64) {
        self.bytes += bytes;
        if let Some(p) = &self.progress {
            p.inc(bytes);
        }
    }

    fn emit(&mut self, doc: &Document) -> io::Result<()> {
        self.documents += 1;
        self.facts += doc.facts.len();
        if let Some(edges) = &mut self.edges {
            edges.extend(edges_of(doc));
        }
        let record = Record::new(doc, self.options);
        if let Some(keep) = &mut self.keep {
            keep.push(serde_json::to_value(&record).map_err(io::Error::other)?);
        }
        if let (Some(json), Some(out)) = (self.timeline, &mut self.out) {
            if json {
                for entry in vanban::timeline::entries(doc) {
                    serde_json::to_writer(&mut *out, &entry)?;
                    out.write_all(b"\n")?;
                }
            } else {
                out.write_all(vanban::timeline::render(doc).as_bytes())?;
            }
            return Ok(());
        }
        if let Some(out) = &mut self.out {
            if self.pretty {
                serde_json::to_writer_pretty(&mut *out, &record)?;
            } else {
                serde_json::to_writer(&mut *out, &record)?;
            }
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn text_document(
        &mut self,
        id: &str,
        place: &str,
        bytes: &[u8],
        markdown: bool,
    ) -> io::Result<()> {
        let text = match decode_text(bytes) {
            Ok(t) => t,
            Err(e) => {
                self.error(place, &e.to_string());
                return Ok(());
            }
        };
        let (date, body) = split_header(text);
        let offset = text.len() - body.len() + (bytes.len() - text.len());
        let doc = if markdown {
            let (plain, md_map) = markdown_to_text(body);
            self.extractor
                .extract_dated(&plain, date)
                .with_source_map(md_map)
                .with_source_map(OffsetMap::skip_prefix(offset, bytes.len()))
        } else {
            self.extractor
                .extract_dated(body, date)
                .with_source_map(OffsetMap::skip_prefix(offset, bytes.len()))
        };
        self.emit(&doc.with_id(id))
    }

    fn json_lines(&mut self, stem: &str, name: &str, reader: impl Read) -> io::Result<()> {
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let mut line = Vec::new();
        let mut number = 0usize;
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line)?;
            if n == 0 {
                break;
            }
            number += 1;
            self.advance(n as u64);
            let place = format!("{name}:{number}");
            let truncated = !line.ends_with(b"\n");
            let Ok(text) = std::str::from_utf8(&line) else {
                self.error(&place, "invalid UTF-8: not text, or in a legacy encoding");
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            match parse_record(text) {
                Ok(r) => {
                    let id = r.id.unwrap_or_else(|| format!("{stem}:{number}"));
                    let doc = self.extractor.extract_dated(&r.text, r.date).with_id(id);
                    self.emit(&doc)?;
                }
                Err(e) if truncated => {
                    self.error(&place, &format!("{e} (the last line is truncated)"))
                }
                Err(e) => self.error(&place, &e.to_string()),
            }
        }
        Ok(())
    }

    fn json_file(&mut self, stem: &str, name: &str, bytes: &[u8]) -> io::Result<()> {
        let text = match decode_text(bytes) {
            Ok(t) => t,
            Err(e) => {
                self.error(name, &e.to_string());
                return Ok(());
            }
        };
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                self.error(
                    &format!("{name}:{}", e.line()),
                    &format!("malformed JSON: {e}"),
                );
                return Ok(());
            }
        };
        let records = match value {
            serde_json::Value::Array(items) => items,
            other => vec![other],
        };
        let single = records.len() == 1;
        for (i, v) in records.iter().enumerate() {
            let place = if single {
                name.to_string()
            } else {
                format!("{name}[{i}]")
            };
            match vanban::input::record_from_value(v) {
                Ok(r) => {
                    let id = r.id.unwrap_or_else(|| {
                        if single {
                            stem.to_string()
                        } else {
                            format!("{stem}:{}", i + 1)
                        }
                    });
                    let doc = self.extractor.extract_dated(&r.text, r.date).with_id(id);
                    self.emit(&doc)?;
                }
                Err(e) => self.error(&place, &e.to_string()),
            }
        }
        Ok(())
    }

    fn file(&mut self, path: &Path, format: Format) -> io::Result<()> {
        let name = path.display().to_string();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("document")
            .to_string();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let kind = match (format, ext.as_str()) {
            (Format::Auto, "jsonl" | "ndjson") | (Format::Jsonl, _) => "jsonl",
            (Format::Auto, "json") => "json",
            (Format::Auto, "md" | "markdown") | (Format::Md, _) => "md",
            _ => "txt",
        };
        if kind == "jsonl" {
            return match File::open(path) {
                Ok(f) => self.json_lines(&stem, &name, f),
                Err(e) => {
                    self.error(&name, &e.to_string());
                    Ok(())
                }
            };
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                self.error(&name, &e.to_string());
                return Ok(());
            }
        };
        self.advance(bytes.len() as u64);
        match kind {
            "json" => self.json_file(&stem, &name, &bytes),
            "md" => self.text_document(&stem, &name, &bytes, true),
            _ => self.text_document(&stem, &name, &bytes, false),
        }
    }

    fn stdin(&mut self, format: Format) -> io::Result<()> {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        let jsonl = match format {
            Format::Jsonl => true,
            Format::Auto => bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
            _ => false,
        };
        if jsonl {
            self.json_lines("stdin", "<stdin>", bytes.as_slice())
        } else {
            self.advance(bytes.len() as u64);
            self.text_document("stdin", "<stdin>", &bytes, format == Format::Md)
        }
    }
}

const KNOWN: &[&str] = &["txt", "md", "markdown", "jsonl", "ndjson", "json"];

/// Expands folders into their known files, recursively, in sorted order.
fn expand(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<(String, String)>) {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(e) => e,
        Err(e) => {
            errors.push((path.display().to_string(), e.to_string()));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    children.sort();
    for child in children {
        let known = child
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| KNOWN.contains(&e.to_ascii_lowercase().as_str()));
        if child.is_dir() || known {
            expand(&child, out, errors);
        }
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(args: Args) -> io::Result<ExitCode> {
    let started = Instant::now();
    let mut extractor = Extractor::new().keep_dropped(args.keep_dropped);
    if let Some(d) = args.date {
        extractor = extractor.with_date(d);
    }
    let out: Option<Box<dyn Write>> = match (&args.output, &args.eval) {
        (Some(p), _) => Some(Box::new(BufWriter::new(File::create(p).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot write {}: {e}", p.display()))
        })?))),
        (None, Some(_)) => None,
        (None, None) => Some(Box::new(BufWriter::new(io::stdout().lock()))),
    };
    let mut files = Vec::new();
    let mut expand_errors = Vec::new();
    let use_stdin = args.paths.is_empty() || args.paths.iter().any(|p| p.as_os_str() == "-");
    for p in args.paths.iter().filter(|p| p.as_os_str() != "-") {
        expand(p, &mut files, &mut expand_errors);
    }
    let total: u64 = files
        .iter()
        .filter_map(|f| f.metadata().ok())
        .map(|m| m.len())
        .sum();
    let progress = (!args.quiet && io::stderr().is_terminal() && total > 0).then(|| {
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}",
            )
            .expect("progress template is valid"),
        );
        bar
    });
    let mut run = Run {
        extractor,
        timeline: args.timeline.then_some(args.json),
        options: RecordOptions {
            text: args.text,
            dropped: args.dropped,
        },
        pretty: args.pretty,
        out,
        keep: args.eval.as_ref().map(|_| Vec::new()),
        edges: args.graph.as_ref().map(|_| Vec::new()),
        documents: 0,
        facts: 0,
        errors: 0,
        bytes: 0,
        progress,
    };
    for (place, message) in expand_errors {
        run.error(&place, &message);
    }
    if use_stdin {
        run.stdin(args.format)?;
    }
    for f in &files {
        if let Some(p) = &run.progress {
            p.set_message(
                f.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
        run.file(f, args.format)?;
    }
    if let Some(out) = &mut run.out {
        out.flush()?;
    }
    if let Some(p) = &run.progress {
        p.finish_and_clear();
    }
    if let (Some(path), Some(edges)) = (&args.graph, &run.edges) {
        write_graph(path, args.graph_format, edges)?;
    }
    if let Some(gold_dir) = &args.eval {
        let gold = vanban::eval::load(gold_dir).map_err(io::Error::other)?;
        let pred = run.keep.take().unwrap_or_default();
        let scores = vanban::eval::score(&gold, &pred, vanban::eval::TYPES);
        print!("{scores}");
        if args.show_errors > 0 {
            print!("{}", scores.show_errors(args.show_errors));
        }
    }
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "extract: {} documents, {} facts, {} bad inputs, {:.1} MB in {:.2} s ({:.1} MB/s)",
            run.documents,
            run.facts,
            run.errors,
            run.bytes as f64 / 1e6,
            secs,
            run.bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
    Ok(if run.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
