//! The `extract` example as a researcher runs it: bad input, ordering under
//! `--jobs`, the timeline and graph views, Markdown and legacy encodings.
//! (`cargo test` builds the example before running these.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn binary() -> PathBuf {
    // target/<profile>/deps/cli-… → target/<profile>/examples/extract
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    dir.join("examples")
        .join(format!("extract{}", std::env::consts::EXE_SUFFIX))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(binary());
    cmd.args(args)
        .arg("--quiet")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the example is built by cargo test");
    if let Some(bytes) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    child.wait_with_output().expect("example runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanban-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn corpus_gives_one_line_per_document() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/docs");
    let out = run(&[corpus.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[0]["id"], "000_2983cdfa499ed57e");
    assert_eq!(docs[0]["date"], "2025-08-24");
}

#[test]
fn bad_input_is_named_and_nothing_else_is_lost() {
    let dir = temp_dir("bad");
    std::fs::write(dir.join("a_good.txt"), " date 2025-01-02 Thu 5 tỷ đồng.").unwrap();
    std::fs::write(dir.join("b_binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(dir.join("c_empty.txt"), "  \n").unwrap();
    std::fs::write(
        dir.join("d_noise.txt"),
        b"\x89\xff\xfe\x80\x81garbage\x90\x91",
    )
    .unwrap();
    std::fs::write(
        dir.join("e_dump.jsonl"),
        concat!(
            "{\"id\":\"r1\",\"text\":\"Đạt 58,5%.\"}\n",
            "{\"id\":\"r2\",\"text\":\n",
            "{\"id\":\"r3\"}\n",
            "{\"id\":\"r4\",\"text\":7}\n",
            "\n",
            "{\"id\":\"r5\",\"content\":\"Quý 2/2026.\",\"date\":\"2025-05-05\"}\n",
            "{\"id\":\"r6\",\"text\":\"cut"
        ),
    )
    .unwrap();
    let out = run(&[dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a_good", "r1", "r5"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().collect();
    let expect = [
        "b_binary.txt: binary data: NUL byte at offset 4",
        "c_empty.txt: empty document: no text",
        "d_noise.txt: invalid UTF-8 at byte 0, and no legacy Vietnamese encoding",
        "e_dump.jsonl:2: malformed JSON",
        "e_dump.jsonl:3: record has no \"text\", \"content\" or \"body\" field",
        "e_dump.jsonl:4: field \"text\" is a number, expected a string",
        "e_dump.jsonl:7: malformed JSON",
    ];
    assert_eq!(errors.len(), expect.len(), "{stderr}");
    for (line, want) in errors.iter().zip(expect) {
        assert!(
            line.starts_with("extract: ") && line.contains(want),
            "{line:?} lacks {want:?}"
        );
    }
    assert!(
        errors[6].ends_with("(the last line is truncated)"),
        "{}",
        errors[6]
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn jobs_keep_input_order() {
    let dir = temp_dir("jobs");
    let mut dump = String::new();
    for i in 0..300 {
        dump.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"Ngày {}/{}/2025, thu {} tỷ đồng, đạt {}%.\"}}\n",
            i % 28 + 1,
            i % 12 + 1,
            i + 1,
            i % 100
        ));
    }
    let path = dir.join("dump.jsonl");
    std::fs::write(&path, dump).unwrap();
    let one = run(&[path.to_str().unwrap(), "--jobs", "1"], None);
    let three = run(&[path.to_str().unwrap(), "--jobs", "3"], None);
    assert!(one.status.success() && three.status.success());
    assert_eq!(one.stdout, three.stdout);
    let docs = lines(&three);
    assert_eq!(docs.len(), 300);
    assert_eq!(docs[299]["id"], "d299");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn stdin_text_and_json_lines() {
    let out = run(
        &["-", "--date", "2025-08-01"],
        Some("Chiều 24/8, thu 5 tỷ đồng.".as_bytes()),
    );
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs[0]["id"], "stdin");
    assert_eq!(docs[0]["facts"][0]["value"], "2025-08-24");
    let out = run(&[], Some(b"{\"id\":\"x\",\"body\":\"58,5%\"}\n"));
    assert_eq!(lines(&out)[0]["id"], "x");
}

#[test]
fn timeline_views() {
    let text = "+ Đến hết ngày 30/6/2025: Giải ngân đạt tối thiểu 50% kế hoạch.\n\
                Sở Tài chính báo cáo trước ngày 18/4/2025.";
    let out = run(
        &["-", "--date", "2025-04-11", "--timeline"],
        Some(text.as_bytes()),
    );
    let table = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows[0], "== stdin (2025-04-11): 3 entries");
    assert!(
        rows[1].starts_with("2025-04-18  deadline before"),
        "{table}"
    );
    assert!(rows[2].starts_with("2025-06-30  deadline by"), "{table}");
    assert!(
        rows[3].starts_with("2025-06-30  target   at_least"),
        "{table}"
    );
    let out = run(
        &["-", "--date", "2025-04-11", "--timeline", "--json"],
        Some(text.as_bytes()),
    );
    let entries = lines(&out);
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["due"], "2025-04-18");
    assert_eq!(entries[2]["kind"], "target");
}

#[test]
fn citation_graph_files() {
    let dir = temp_dir("graph");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/docs");
    let csv = dir.join("cites.csv");
    let dot = dir.join("cites.dot");
    let out = run(
        &[corpus.to_str().unwrap(), "--graph", csv.to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    let table = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows[0], "source,document,target,kind,issued");
    assert!(
        rows.contains(&"07/CT-UBND,004_e88531560b653bf0,05/CT-TTg,Chỉ thị,2025-03-01"),
        "{table}"
    );
    assert!(
        !rows
            .iter()
            .any(|r| r.ends_with(",07/CT-UBND,Chỉ thị,2025-04-11")),
        "a document does not cite itself"
    );
    run(
        &[
            corpus.to_str().unwrap(),
            "--graph",
            dot.to_str().unwrap(),
            "--graph-format",
            "dot",
        ],
        None,
    );
    let graph = std::fs::read_to_string(&dot).unwrap();
    assert!(graph.starts_with("digraph citations {"));
    assert!(graph.contains("\"07/CT-UBND\" -> \"57-NQ/TW\""), "{graph}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn markdown_and_legacy_encodings() {
    let dir = temp_dir("enc");
    std::fs::write(
        dir.join("a.md"),
        "# Báo cáo\n\n- Thu **5 tỷ đồng**\n- Đạt *58,5%*\n",
    )
    .unwrap();
    // "Thu ngân sách đạt 100 tỷ đồng" in TCVN3, made with `iconv -t TCVN5712-1`.
    std::fs::write(
        dir.join("b.txt"),
        b"Thu ng\xa9n s\xb8ch \xae\xb9t 100 t\xfb \xae\xe5ng",
    )
    .unwrap();
    let out = run(&[dir.to_str().unwrap(), "--text"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs[0]["text"], "Báo cáo\n\n- Thu 5 tỷ đồng\n- Đạt 58,5%");
    assert_eq!(docs[0]["facts"][0]["text"], "5 tỷ đồng");
    assert_eq!(docs[1]["text"], "Thu ngân sách đạt 100 tỷ đồng");
    assert_eq!(docs[1]["facts"][0]["value"], "100000000000");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn help_names_every_option() {
    let out = run(&["--help"], None);
    let help = String::from_utf8_lossy(&out.stdout);
    for opt in [
        "--output",
        "--eval",
        "--timeline",
        "--graph",
        "--jobs",
        "--encoding",
        "--date",
        "--text",
    ] {
        assert!(help.contains(opt), "--help lacks {opt}");
    }
}
