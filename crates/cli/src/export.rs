//! `onrecord export`: every stored statement, as JSON Lines, CSV, Parquet (feature `parquet`)
//! or brat standoff. Offsets are code points into the article text, as everywhere.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use onrecord_store::{StatementRow, Store, StoreError};

use crate::args::ExportFormat;

fn sink(out: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match out {
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
        Some(p) if p.as_os_str() == "-" => Box::new(BufWriter::new(std::io::stdout().lock())),
        Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
    })
}

fn io(e: impl std::fmt::Display) -> StoreError {
    StoreError::Query(format!("writing the export failed: {e}"))
}

pub const CSV_HEADER: [&str; 21] = [
    "id", "group", "occurrences", "article_id", "article", "outlet", "published", "date", "type", "speaker", "role", "affiliation",
    "source", "source_start", "source_end", "cue", "cue_start", "cue_end", "content", "content_start", "content_end",
];

fn csv_record(r: &StatementRow) -> Vec<String> {
    let o = |x: &Option<String>| x.clone().unwrap_or_default();
    let n = |x: Option<i64>| x.map(|v| v.to_string()).unwrap_or_default();
    vec![
        r.id.to_string(),
        r.group_id.to_string(),
        r.occurrences.to_string(),
        r.article_id.clone(),
        r.article_name.clone(),
        o(&r.outlet),
        o(&r.published),
        o(&r.date),
        r.kind.clone(),
        o(&r.speaker),
        o(&r.speaker_role),
        o(&r.speaker_affiliation),
        o(&r.source),
        n(r.source_start),
        n(r.source_end),
        o(&r.cue),
        n(r.cue_start),
        n(r.cue_end),
        r.content.clone(),
        r.content_start.to_string(),
        r.content_end.to_string(),
    ]
}

pub fn export(store: &Store, format: ExportFormat, out: Option<&Path>) -> Result<ExitCode> {
    let mut n = 0usize;
    match format {
        ExportFormat::Jsonl => {
            let mut w = sink(out)?;
            store.for_each_statement(|r| {
                n += 1;
                writeln!(w, "{}", crate::query::statement_json(r)).map_err(io)
            })?;
            w.flush()?;
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(sink(out)?);
            w.write_record(CSV_HEADER)?;
            store.for_each_statement(|r| {
                n += 1;
                w.write_record(csv_record(r)).map_err(io)
            })?;
            w.flush()?;
        }
        ExportFormat::Parquet => {
            let path = out.filter(|p| p.as_os_str() != "-").context("--format parquet needs --out FILE")?;
            n = parquet::write(store, path)?;
        }
        ExportFormat::Brat => {
            let dir = out.context("--format brat needs --out FOLDER")?;
            n = brat(store, dir)?;
        }
    }
    eprintln!("onrecord: exported {n} {}", if format == ExportFormat::Brat { "articles" } else { "statements" });
    Ok(ExitCode::SUCCESS)
}

/// The annotation.conf brat and INCEpTION need to show the labels below.
const BRAT_CONF: &str = "[entities]\nSource\nCue\nContent\nAttribution\n\n[relations]\n\n[events]\nAttribution\tSource:Source, Cue:Cue, Content:Content\n\n[attributes]\nKind\tArg:Attribution, Value:direct|indirect|mixed|floating|headline|transcript\n";

/// A file name from an article name: letters, digits, `-`, `_`, `.`; nothing that climbs out of
/// the folder.
fn safe_name(name: &str, id: &str) -> String {
    let s: String = name.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).take(100).collect();
    let s = s.trim_matches('.');
    if s.is_empty() {
        id.to_string()
    } else {
        format!("{s}_{}", &id[..id.len().min(8)])
    }
}

/// brat fragments of a code-point range: split at line breaks, which brat spans cannot cross.
fn fragments(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let (start, end) = (start.min(chars.len()), end.min(chars.len()));
    let mut out = Vec::new();
    let mut s = start;
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        if c == '\n' || c == '\r' {
            if s < i {
                out.push((s, i));
            }
            s = i + 1;
        }
    }
    if s < end {
        out.push((s, end));
    }
    out
}

pub fn brat_ann(text: &str, stmts: &[StatementRow]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut ann = String::new();
    let (mut t, mut e) = (0, 0);
    let mut span = |ann: &mut String, label: &str, start: i64, end: i64| -> Option<String> {
        let fr = fragments(&chars, start.max(0) as usize, end.max(0) as usize);
        if fr.is_empty() {
            return None;
        }
        t += 1;
        let ranges = fr.iter().map(|(a, b)| format!("{a} {b}")).collect::<Vec<_>>().join(";");
        let words = fr.iter().map(|&(a, b)| chars[a..b].iter().collect::<String>()).collect::<Vec<_>>().join(" ");
        ann.push_str(&format!("T{t}\t{label} {ranges}\t{words}\n"));
        Some(format!("T{t}"))
    };
    for s in stmts {
        let Some(content) = span(&mut ann, "Content", s.content_start, s.content_end) else { continue };
        let cue = s.cue_start.zip(s.cue_end).and_then(|(a, b)| span(&mut ann, "Cue", a, b));
        let source = s.source_start.zip(s.source_end).and_then(|(a, b)| span(&mut ann, "Source", a, b));
        let trigger =
            s.cue_start.zip(s.cue_end).or(Some((s.content_start, s.content_end))).and_then(|(a, b)| span(&mut ann, "Attribution", a, b));
        let Some(trigger) = trigger else { continue };
        e += 1;
        let mut line = format!("E{e}\tAttribution:{trigger} Content:{content}");
        if let Some(c) = cue {
            line.push_str(&format!(" Cue:{c}"));
        }
        if let Some(c) = source {
            line.push_str(&format!(" Source:{c}"));
        }
        ann.push_str(&line);
        ann.push('\n');
        ann.push_str(&format!("A{e}\tKind E{e} {}\n", s.kind));
        if let Some(sp) = &s.speaker {
            let note: String = sp.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
            ann.push_str(&format!("#{e}\tAnnotatorNotes E{e}\tspeaker: {note}\n"));
        }
    }
    ann
}

fn brat(store: &Store, dir: &Path) -> Result<usize> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::write(dir.join("annotation.conf"), BRAT_CONF)?;
    let mut n = 0;
    store.for_each_article(|id, name, text, stmts| {
        let base = safe_name(name, id);
        std::fs::write(dir.join(format!("{base}.txt")), text).map_err(io)?;
        std::fs::write(dir.join(format!("{base}.ann")), brat_ann(text, stmts)).map_err(io)?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

#[cfg(feature = "parquet")]
mod parquet {
    use std::path::Path;
    use std::sync::Arc;

    use anyhow::{Context, Result};
    use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
    use onrecord_store::Store;
    use parquet::arrow::ArrowWriter;

    const ROWS_PER_BATCH: usize = 65_536;

    /// Writes the statements in row groups of 64k, never holding more than one in memory.
    pub fn write(store: &Store, path: &Path) -> Result<usize> {
        let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut conf: Vec<f64> = Vec::new();
        let mut writer: Option<ArrowWriter<std::fs::File>> = None;
        let mut file = Some(file);
        let mut n = 0;
        let mut flush = |rows: &mut Vec<Vec<String>>, conf: &mut Vec<f64>, writer: &mut Option<ArrowWriter<std::fs::File>>| -> Result<()> {
            if rows.is_empty() {
                return Ok(());
            }
            let mut cols: Vec<(&str, ArrayRef)> = Vec::new();
            for (i, name) in super::CSV_HEADER.iter().enumerate() {
                #[rustfmt::skip] // a word list, packed
                let numeric = matches!(*name, "id" | "group" | "occurrences" | "source_start" | "source_end" | "cue_start" | "cue_end" | "content_start" | "content_end");
                let arr: ArrayRef = if numeric {
                    Arc::new(Int64Array::from(rows.iter().map(|r| r[i].parse::<i64>().ok()).collect::<Vec<_>>()))
                } else {
                    Arc::new(StringArray::from(rows.iter().map(|r| (!r[i].is_empty()).then(|| r[i].clone())).collect::<Vec<_>>()))
                };
                cols.push((name, arr));
            }
            cols.push(("confidence", Arc::new(Float64Array::from(std::mem::take(conf)))));
            let batch = RecordBatch::try_from_iter(cols)?;
            if writer.is_none() {
                *writer = Some(ArrowWriter::try_new(file.take().expect("one file"), batch.schema(), None)?);
            }
            writer.as_mut().expect("created").write(&batch)?;
            rows.clear();
            Ok(())
        };
        let mut err = None;
        store.for_each_statement(|r| {
            rows.push(super::csv_record(r));
            conf.push(r.confidence);
            n += 1;
            if rows.len() >= ROWS_PER_BATCH {
                if let Err(e) = flush(&mut rows, &mut conf, &mut writer) {
                    err = Some(e);
                    return Err(super::io("parquet"));
                }
            }
            Ok(())
        })?;
        if let Some(e) = err {
            return Err(e);
        }
        flush(&mut rows, &mut conf, &mut writer)?;
        match writer {
            Some(w) => {
                w.close()?;
            }
            None => anyhow::bail!("no statements to export"),
        }
        Ok(n)
    }
}

#[cfg(not(feature = "parquet"))]
mod parquet {
    use std::path::Path;

    use anyhow::Result;
    use onrecord_store::Store;

    pub fn write(_: &Store, _: &Path) -> Result<usize> {
        anyhow::bail!("this onrecord was built without Parquet; rebuild with `cargo build --release --features parquet`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_spans_split_at_line_breaks_and_names_stay_inside() {
        let chars: Vec<char> = "ab\ncd".chars().collect();
        assert_eq!(fragments(&chars, 0, 5), vec![(0, 2), (3, 5)]);
        assert_eq!(fragments(&chars, 2, 3), vec![]);
        assert_eq!(safe_name("../../etc/passwd", "0123456789abcdef"), "_.._etc_passwd_01234567");
        assert_eq!(safe_name("", "0123456789abcdef"), "0123456789abcdef");
    }
}
