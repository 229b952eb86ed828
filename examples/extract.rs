//! Extracts facts from Vietnamese government texts and writes JSON Lines.
//!
//! ```text
//! cargo run --release --example extract -- corpus/docs > facts.jsonl
//! cargo run --release --example extract -- corpus/docs --eval corpus/gold
//! cargo run --release --example extract -- dump.jsonl --jobs 2 -o facts.jsonl
//! cargo run --release --example extract -- corpus/docs --graph cites.dot --graph-format dot > /dev/null
//! ```
//!
//! Reads `.txt` (optional first-line header ` date YYYY-MM-DD `), `.md`, `.jsonl`
//! and `.json` files and folders of them (recursively, in sorted order), or
//! standard input (`-` or no path). Writes one JSON object per document, in
//! input order. A bad file or record gets one line on stderr naming it (and
//! its line); the rest is still processed and the exit status is 1 at the end.
//!
//! Documents stream: a reader parses the input one document at a time, `--jobs`
//! workers extract, and a writer puts the results back in input order, with a
//! bounded number of documents in flight, so memory does not grow with the input.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use chrono::NaiveDate;
use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use vanban::input::{
    decode, markdown_to_text, parse_record, record_from_value, split_header, Encoding,
};
use vanban::output::{Record, RecordOptions};
use vanban::{Document, Extractor, OffsetMap};

#[derive(Parser, Debug)]
#[command(
    name = "extract",
    version,
    about = "Extract facts (money, percentages, dates, periods, targets, deadlines, ...) from Vietnamese government texts as JSON Lines",
    after_help = "Output: one JSON object per document, in input order: {\"id\", \"date\", \"facts\": [{\"type\", \"text\", \"span\", ...}]}.\n\
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

    /// Print each document's deadlines and dated targets in date order as a
    /// table (with --json: one JSON line per entry) instead of the records
    #[arg(long)]
    timeline: bool,

    /// With --timeline: JSON Lines instead of a table
    #[arg(long, requires = "timeline")]
    json: bool,

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

    /// Text encoding of .txt and .md input: utf8, utf16, windows1258, tcvn3,
    /// vni or viqr; without it, UTF-8/UTF-16 (BOM), Windows-1258, TCVN3, VNI and
    /// VIQR are detected, and what cannot be told is refused
    #[arg(long, value_name = "NAME")]
    encoding: Option<Encoding>,

    /// Write the citation graph (document -> cited document) to FILE
    #[arg(long, value_name = "FILE")]
    graph: Option<PathBuf>,

    /// Format of the --graph file
    #[arg(long, value_enum, default_value_t = GraphFormatArg::Csv)]
    graph_format: GraphFormatArg,

    /// Documents extracted in parallel (output stays in input order)
    #[arg(short, long, value_name = "N", default_value_t = 1)]
    jobs: usize,

    /// No progress bar and no summary
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// By extension; standard input is JSON Lines if it starts with `{`
    Auto,
    Txt,
    Md,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum GraphFormatArg {
    /// `source,document,target,kind,issued`, one edge per line, with a header
    Csv,
    /// Graphviz DOT (`dot -Tsvg cites.dot > cites.svg`)
    Dot,
}

/// One document to extract.
struct Job {
    id: String,
    text: String,
    date: Option<NaiveDate>,
    markdown: bool,
    /// Bytes of the source before `text` (a header), and the source's length.
    prefix: Option<(usize, usize)>,
}

/// What the workers need, shared read-only.
struct Settings {
    extractor: Extractor,
    options: RecordOptions,
    pretty: bool,
    timeline: Option<bool>,
    graph: bool,
}

/// A finished document: the bytes to write, the number of facts, its
/// citation edges (with --graph).
struct Done {
    out: Vec<u8>,
    facts: usize,
    edges: Vec<vanban::graph::Edge>,
}

fn process(job: Job, s: &Settings) -> Done {
    let doc: Document = if job.markdown {
        let (plain, md_map) = markdown_to_text(&job.text);
        s.extractor
            .extract_dated(&plain, job.date)
            .with_source_map(md_map)
    } else {
        s.extractor.extract_dated(&job.text, job.date)
    };
    let doc = match job.prefix {
        Some((skip, total)) => doc.with_source_map(OffsetMap::skip_prefix(skip, total)),
        None => doc,
    }
    .with_id(job.id);
    let mut out = Vec::new();
    match s.timeline {
        Some(true) => {
            for entry in vanban::timeline::entries(&doc) {
                serde_json::to_writer(&mut out, &entry).expect("timeline entries serialise");
                out.push(b'\n');
            }
        }
        Some(false) => out.extend_from_slice(vanban::timeline::render(&doc).as_bytes()),
        None => {
            let record = Record::new(&doc, s.options);
            if s.pretty {
                serde_json::to_writer_pretty(&mut out, &record).expect("records serialise");
            } else {
                serde_json::to_writer(&mut out, &record).expect("records serialise");
            }
            out.push(b'\n');
        }
    }
    Done {
        out,
        facts: doc.facts.len(),
        edges: if s.graph {
            vanban::graph::edges(&doc)
        } else {
            Vec::new()
        },
    }
}

/// Writes finished documents in input order and keeps the counts.
struct Writer {
    out: Option<Box<dyn Write + Send>>,
    keep: Option<Vec<serde_json::Value>>,
    edges: Vec<vanban::graph::Edge>,
    documents: usize,
    facts: usize,
}

impl Writer {
    fn write(&mut self, mut done: Done) -> io::Result<()> {
        self.documents += 1;
        self.facts += done.facts;
        self.edges.append(&mut done.edges);
        if let Some(keep) = &mut self.keep {
            keep.push(serde_json::from_slice(&done.out).map_err(io::Error::other)?);
        }
        if let Some(out) = &mut self.out {
            out.write_all(&done.out)?;
        }
        Ok(())
    }
}

/// Where the reader sends jobs: run at once, or to the worker pool.
enum Sink<'a> {
    Inline(&'a Settings, &'a mut Writer),
    Pool(mpsc::SyncSender<(usize, Job)>),
}

/// Reads inputs into jobs, reporting bad input as it goes.
struct Reader<'a> {
    sink: Sink<'a>,
    next: usize,
    errors: usize,
    bytes: u64,
    encoding: Option<Encoding>,
    progress: Option<ProgressBar>,
}

impl Reader<'_> {
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

    fn submit(&mut self, job: Job) -> io::Result<()> {
        let seq = self.next;
        self.next += 1;
        match &mut self.sink {
            Sink::Inline(settings, writer) => writer.write(process(job, settings)),
            Sink::Pool(tx) => tx
                .send((seq, job))
                .map_err(|_| io::Error::other("the workers stopped")),
        }
    }

    fn text_document(
        &mut self,
        id: &str,
        place: &str,
        bytes: &[u8],
        markdown: bool,
    ) -> io::Result<()> {
        let text = match decode(bytes, self.encoding) {
            Ok(t) => t,
            Err(e) => {
                self.error(place, &e.to_string());
                return Ok(());
            }
        };
        let (date, body) = split_header(&text);
        // Spans map back to the source bytes only when it was UTF-8 already.
        let prefix = (text.len() == bytes.len() || bytes.starts_with(b"\xef\xbb\xbf"))
            .then(|| (bytes.len() - body.len(), bytes.len()));
        let job = Job {
            id: id.to_string(),
            text: body.to_string(),
            date,
            markdown,
            prefix,
        };
        self.submit(job)
    }

    fn record(
        &mut self,
        place: &str,
        default_id: String,
        value: Result<vanban::input::Record, vanban::Error>,
    ) -> io::Result<()> {
        match value {
            Ok(r) => self.submit(Job {
                id: r.id.unwrap_or(default_id),
                text: r.text,
                date: r.date,
                markdown: false,
                prefix: None,
            }),
            Err(e) => {
                self.error(place, &e.to_string());
                Ok(())
            }
        }
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
            let parsed = parse_record(text).map_err(|e| {
                if truncated {
                    vanban::Error::new(e.kind(), format!("{e} (the last line is truncated)"))
                } else {
                    e
                }
            });
            self.record(&place, format!("{stem}:{number}"), parsed)?;
        }
        Ok(())
    }

    fn json_file(&mut self, stem: &str, name: &str, bytes: &[u8]) -> io::Result<()> {
        let text = match decode(bytes, Some(Encoding::Utf8)) {
            Ok(t) => t,
            Err(e) => {
                self.error(name, &e.to_string());
                return Ok(());
            }
        };
        let value: serde_json::Value = match serde_json::from_str(&text) {
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
            let (place, id) = if single {
                (name.to_string(), stem.to_string())
            } else {
                (format!("{name}[{i}]"), format!("{stem}:{}", i + 1))
            };
            self.record(&place, id, record_from_value(v))?;
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

/// Reads every input, sending jobs to `sink`.
fn read_all(
    reader: &mut Reader<'_>,
    args: &Args,
    files: &[PathBuf],
    expand_errors: Vec<(String, String)>,
) -> io::Result<()> {
    for (place, message) in expand_errors {
        reader.error(&place, &message);
    }
    let use_stdin = args.paths.is_empty() || args.paths.iter().any(|p| p.as_os_str() == "-");
    if use_stdin {
        reader.stdin(args.format)?;
    }
    for f in files {
        if let Some(p) = &reader.progress {
            p.set_message(
                f.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
        reader.file(f, args.format)?;
    }
    Ok(())
}

fn run(args: Args) -> io::Result<ExitCode> {
    let started = Instant::now();
    let mut extractor = Extractor::new().keep_dropped(args.keep_dropped);
    if let Some(d) = args.date {
        extractor = extractor.with_date(d);
    }
    let settings = Settings {
        extractor,
        options: RecordOptions {
            text: args.text,
            dropped: args.dropped,
        },
        pretty: args.pretty,
        timeline: args.timeline.then_some(args.json),
        graph: args.graph.is_some(),
    };
    let out: Option<Box<dyn Write + Send>> = match (&args.output, &args.eval) {
        (Some(p), _) => Some(Box::new(BufWriter::new(File::create(p).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot write {}: {e}", p.display()))
        })?))),
        (None, Some(_)) => None,
        (None, None) => Some(Box::new(BufWriter::new(io::stdout()))),
    };
    let mut writer = Writer {
        out,
        keep: args.eval.as_ref().map(|_| Vec::new()),
        edges: Vec::new(),
        documents: 0,
        facts: 0,
    };
    let mut files = Vec::new();
    let mut expand_errors = Vec::new();
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
    let jobs = args.jobs.max(1);
    let (errors, bytes) = if jobs == 1 {
        let mut reader = Reader {
            sink: Sink::Inline(&settings, &mut writer),
            next: 0,
            errors: 0,
            bytes: 0,
            encoding: args.encoding,
            progress: progress.clone(),
        };
        read_all(&mut reader, &args, &files, expand_errors)?;
        (reader.errors, reader.bytes)
    } else {
        // Bounded queues: at most 4 documents per worker in flight.
        let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Job)>(jobs * 2);
        let job_rx = std::sync::Mutex::new(job_rx);
        let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Done)>(jobs * 2);
        std::thread::scope(|scope| -> io::Result<(usize, u64)> {
            for _ in 0..jobs {
                let done_tx = done_tx.clone();
                let (job_rx, settings) = (&job_rx, &settings);
                scope.spawn(move || loop {
                    let next = job_rx.lock().expect("job queue lock").recv();
                    let Ok((seq, job)) = next else { break };
                    if done_tx.send((seq, process(job, settings))).is_err() {
                        break;
                    }
                });
            }
            drop(done_tx);
            let writer = &mut writer;
            let write_thread = scope.spawn(move || -> io::Result<()> {
                let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
                let mut next = 0;
                for (seq, done) in done_rx {
                    pending.insert(seq, done);
                    while let Some(d) = pending.remove(&next) {
                        writer.write(d)?;
                        next += 1;
                    }
                }
                Ok(())
            });
            let mut reader = Reader {
                sink: Sink::Pool(job_tx),
                next: 0,
                errors: 0,
                bytes: 0,
                encoding: args.encoding,
                progress: progress.clone(),
            };
            let read = read_all(&mut reader, &args, &files, expand_errors);
            let (errors, bytes) = (reader.errors, reader.bytes);
            drop(reader); // closes the job queue: the workers finish
            write_thread.join().expect("writer thread")?;
            read?;
            Ok((errors, bytes))
        })?
    };
    if let Some(out) = &mut writer.out {
        out.flush()?;
    }
    if let Some(p) = &progress {
        p.finish_and_clear();
    }
    if let Some(path) = &args.graph {
        let format = match args.graph_format {
            GraphFormatArg::Csv => vanban::graph::GraphFormat::Csv,
            GraphFormatArg::Dot => vanban::graph::GraphFormat::Dot,
        };
        std::fs::write(path, vanban::graph::render(&writer.edges, format)).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
        })?;
    }
    if let Some(gold_dir) = &args.eval {
        let gold = vanban::eval::load(gold_dir).map_err(io::Error::other)?;
        let pred = writer.keep.take().unwrap_or_default();
        let scores = vanban::eval::score(&gold, &pred, vanban::eval::TYPES);
        print!("{scores}");
        if args.show_errors > 0 {
            print!("{}", scores.show_errors(args.show_errors));
        }
    }
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "extract: {} documents, {} facts, {} bad inputs, {:.1} MB in {:.2} s ({:.1} MB/s, {} jobs)",
            writer.documents,
            writer.facts,
            errors,
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs.max(1e-9),
            jobs
        );
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
