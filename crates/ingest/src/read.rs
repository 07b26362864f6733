use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

use flate2::bufread::MultiGzDecoder;
use onrecord_model::{Diagnostic, Severity};
use serde_json::Value;

use crate::bounded::{read_line_bounded, Line};
use crate::fields::FieldRole;
use crate::{Body, Fields, Format, IngestConfig, Input, Item, RawDocument};

const BUF: usize = 256 << 10;

/// Reads one input and pushes its documents and diagnostics into `sink`, in input order.
pub fn read_input(input: &Input, cfg: &IngestConfig, sink: &mut dyn FnMut(Item)) {
    let origin = input.display();
    let raw: Box<dyn Read> = match &input.path {
        None => Box::new(io::stdin().lock()),
        Some(p) => match File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => return sink(Item::Diag(diag(&origin, Severity::Failed, format!("cannot open: {e}")))),
        },
    };
    let mut reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(BUF, raw));
    let mut gzip = input.gzip;
    let mut format = input.format;
    if format.is_none() || !gzip {
        // Sniff: stdin and unknown names, and gzip data that was not named .gz.
        let head = match reader.fill_buf() {
            Ok(h) => h,
            Err(e) => return sink(Item::Diag(diag(&origin, Severity::Failed, format!("cannot read: {e}")))),
        };
        if head.starts_with(&[0x1f, 0x8b]) {
            gzip = true;
        }
    }
    if gzip {
        reader = Box::new(BufReader::with_capacity(BUF, MultiGzDecoder::new(reader)));
    }
    if format.is_none() {
        format = Some(match reader.fill_buf() {
            Ok(head) => sniff(head),
            Err(e) => return sink(Item::Diag(read_error(&origin, gzip, &e, "at its start"))),
        });
    }
    let ctx = Ctx { origin: &origin, gzip, cfg };
    match format.expect("set above") {
        Format::Text => read_whole(&ctx, reader, input.stem(), false, sink),
        Format::Html => read_whole(&ctx, reader, input.stem(), true, sink),
        Format::Jsonl => read_jsonl(&ctx, reader, &input.stem(), sink),
        Format::Warc => crate::warc_reader::read_warc(&ctx, reader, sink),
    }
}

pub(crate) struct Ctx<'a> {
    pub origin: &'a str,
    pub gzip: bool,
    pub cfg: &'a IngestConfig,
}

fn sniff(head: &[u8]) -> Format {
    let trimmed = head.iter().position(|b| !b.is_ascii_whitespace()).map_or(&head[..0], |i| &head[i..]);
    let trimmed = trimmed.strip_prefix(b"\xef\xbb\xbf").unwrap_or(trimmed);
    if trimmed.starts_with(b"WARC/") {
        Format::Warc
    } else if trimmed.starts_with(b"{") {
        Format::Jsonl
    } else if trimmed.starts_with(b"<") {
        Format::Html
    } else {
        Format::Text
    }
}

pub(crate) fn diag(origin: &str, severity: Severity, message: String) -> Diagnostic {
    Diagnostic { origin: origin.to_string(), severity, message }
}

pub(crate) fn read_error(origin: &str, gzip: bool, e: &io::Error, at: &str) -> Diagnostic {
    let what = if gzip { "truncated or corrupt gzip" } else { "read error" };
    diag(origin, Severity::Failed, format!("{what} {at}: {e}"))
}

/// Reads a single-document file, refusing more than the document limit.
fn read_whole(ctx: &Ctx, reader: Box<dyn BufRead>, name: String, html: bool, sink: &mut dyn FnMut(Item)) {
    let max = ctx.cfg.max_doc_bytes;
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(max as u64 + 1).read_to_end(&mut bytes) {
        return sink(Item::Diag(read_error(ctx.origin, ctx.gzip, &e, &format!("after {} bytes", bytes.len()))));
    }
    if bytes.len() > max {
        let msg = format!("larger than the {} document limit (--max-doc-mb); skipped", human(max));
        return sink(Item::Diag(diag(ctx.origin, Severity::Skipped, msg)));
    }
    let body = if html {
        match decode_html(&bytes) {
            Ok(s) => Body::Html(s),
            Err(d) => return sink(Item::Diag(diag(ctx.origin, d.0, d.1))),
        }
    } else {
        match decode_text(&bytes) {
            Ok(s) => Body::Text(s),
            Err(d) => return sink(Item::Diag(diag(ctx.origin, d.0, d.1))),
        }
    };
    sink(Item::Doc(RawDocument { name, origin: ctx.origin.to_string(), body, fields: Fields::default() }))
}

/// Plain text must be UTF-8: guessing another encoding would silently change offsets.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<String, (Severity, String)> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err((Severity::Skipped, "empty: no text to read".into()));
    }
    if let Some(why) = binary_reason(bytes) {
        return Err((Severity::Failed, why));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err((Severity::Failed, format!("invalid UTF-8 at byte {at} (line {line}); convert the file to UTF-8")))
        }
    }
}

/// Why these bytes look like a binary file rather than text, if they do.
pub(crate) fn binary_reason(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Some("binary data (NUL bytes), not text".into());
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    if control * 10 > head.len() {
        return Some("binary data (control bytes), not text".into());
    }
    None
}

/// HTML declares its own encoding; honour it (BOM, then `<meta charset>`), default UTF-8, and
/// fall back to Windows-1252 for undeclared pages that are not valid UTF-8, as browsers do.
pub(crate) fn decode_html(bytes: &[u8]) -> Result<String, (Severity, String)> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err((Severity::Skipped, "empty: no page to read".into()));
    }
    if let Some(why) = binary_reason(bytes) {
        return Err((Severity::Failed, why));
    }
    Ok(decode_with_charset(bytes, None))
}

pub(crate) fn decode_with_charset(bytes: &[u8], declared: Option<&str>) -> String {
    let label = declared.map(str::to_string).or_else(|| meta_charset(&bytes[..bytes.len().min(2048)]));
    let encoding = label.and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()));
    match encoding {
        Some(enc) => enc.decode(bytes).0.into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(s) => s.strip_prefix('\u{feff}').unwrap_or(s).to_string(),
            Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
        },
    }
}

fn meta_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")?;
    let rest = &lower[at + 8..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest.iter().position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))).unwrap_or(rest.len());
    (end > 0).then(|| String::from_utf8_lossy(&rest[..end]).into_owned())
}

fn read_jsonl(ctx: &Ctx, mut reader: Box<dyn BufRead>, stem: &str, sink: &mut dyn FnMut(Item)) {
    let fields = &ctx.cfg.fields;
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        let at = format!("{}:{line_no}", ctx.origin);
        match read_line_bounded(&mut *reader, &mut buf, ctx.cfg.max_doc_bytes) {
            Ok(Line::Eof) => return,
            Ok(Line::TooLong(n)) => {
                let msg = format!(
                    "line of {} is larger than the {} document limit (--max-doc-mb); skipped",
                    human(n),
                    human(ctx.cfg.max_doc_bytes)
                );
                sink(Item::Diag(diag(&at, Severity::Skipped, msg)));
                continue;
            }
            Ok(Line::Ok) => {}
            Err(e) => {
                return sink(Item::Diag(read_error(ctx.origin, ctx.gzip, &e, &format!("at line {line_no}; lines before it were read"))))
            }
        }
        let line = buf.trim_ascii();
        if line.is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_slice(line) {
            Ok(v @ Value::Object(_)) => v,
            Ok(_) => {
                sink(Item::Diag(diag(&at, Severity::Failed, "not a JSON object".into())));
                continue;
            }
            Err(e) => {
                sink(Item::Diag(diag(&at, Severity::Failed, format!("not JSON: {e}"))));
                continue;
            }
        };
        let body = if let Some(t) = fields.get(&value, FieldRole::Text) {
            Body::Text(t)
        } else if let Some(h) = fields.get(&value, FieldRole::Html) {
            Body::Html(h)
        } else {
            let msg =
                format!("no text: none of the fields {} holds a string (use --field text=NAME)", fields.names(FieldRole::Text).join(", "));
            sink(Item::Diag(diag(&at, Severity::Skipped, msg)));
            continue;
        };
        let name = fields.get(&value, FieldRole::Id).unwrap_or_else(|| format!("{stem}-{line_no}"));
        let doc_fields = Fields {
            title: fields.get(&value, FieldRole::Title),
            url: fields.get(&value, FieldRole::Url),
            date: fields.get(&value, FieldRole::Date),
            outlet: fields.get(&value, FieldRole::Outlet),
            captured: None,
        };
        sink(Item::Doc(RawDocument { name, origin: at, body, fields: doc_fields }));
    }
}

pub(crate) fn human(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MiB", bytes as f64 / (1u64 << 20) as f64)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_first_bytes() {
        assert_eq!(sniff(b"  {\"text\":1}"), Format::Jsonl);
        assert_eq!(sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff(b"\n<!doctype html>"), Format::Html);
        assert_eq!(sniff(b"BEIJING, June 4"), Format::Text);
    }

    #[test]
    fn html_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode_with_charset(page, None).contains("café"));
        assert!(decode_with_charset(b"<p>caf\xc3\xa9</p>", None).contains("café"));
    }

    #[test]
    fn text_decoding_reports_the_reason() {
        assert_eq!(decode_text(b" \n ").unwrap_err().0, Severity::Skipped);
        assert!(decode_text(b"ab\xffcd").unwrap_err().1.contains("invalid UTF-8 at byte 2"));
        assert!(decode_text(b"PK\x03\x04\x00\x00").unwrap_err().1.contains("binary"));
        assert_eq!(decode_text("Zhao said “yes”.".as_bytes()).unwrap(), "Zhao said “yes”.");
    }
}
