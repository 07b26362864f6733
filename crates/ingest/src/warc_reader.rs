use std::io::{BufRead, Read};

use onrecord_model::Severity;
use warc::{RecordType, WarcHeader, WarcReader};

use crate::read::{decode_with_charset, diag, read_error, Ctx};
use crate::{Body, Fields, Item, RawDocument};

/// Streams a WARC file: every HTML `response` (or `resource`) record becomes a document.
///
/// Stops at the first broken record (a truncated download, a cut gzip member) with one
/// diagnostic that says how many records were read before it; those documents are kept.
pub(crate) fn read_warc(ctx: &Ctx, mut reader: Box<dyn BufRead>, sink: &mut dyn FnMut(Item)) {
    match reader.fill_buf() {
        Ok(head) if head.starts_with(b"WARC/") => {}
        Ok([]) => return sink(Item::Diag(diag(ctx.origin, Severity::Skipped, "empty: no WARC records".into()))),
        Ok(_) => return sink(Item::Diag(diag(ctx.origin, Severity::Failed, "not a WARC file (no WARC/ version line)".into()))),
        Err(e) => return sink(Item::Diag(read_error(ctx.origin, ctx.gzip, &e, "at its start"))),
    }
    let mut n = 0usize;
    for record in WarcReader::new(reader).iter_records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let msg = format!("truncated or corrupt WARC after {n} records ({e}); the records before were read");
                return sink(Item::Diag(diag(ctx.origin, Severity::Failed, msg)));
            }
        };
        n += 1;
        let at = format!("{}#{n}", ctx.origin);
        let is_response = matches!(record.warc_type(), RecordType::Response);
        if !is_response && !matches!(record.warc_type(), RecordType::Resource) {
            continue;
        }
        let uri = record.header(WarcHeader::TargetURI).map(|u| u.trim_matches(|c| c == '<' || c == '>').to_string());
        let body = record.body();
        if body.len() > ctx.cfg.max_doc_bytes {
            let msg = format!("record larger than the {} document limit; skipped", crate::read::human(ctx.cfg.max_doc_bytes));
            sink(Item::Diag(diag(&at, Severity::Skipped, msg)));
            continue;
        }
        let page = if is_response {
            match http_payload(body) {
                Some(p) => p,
                None => continue, // not an HTML 2xx response: redirects, images, robots.txt
            }
        } else {
            let ct = record.header(WarcHeader::ContentType).map(|c| c.to_ascii_lowercase()).unwrap_or_default();
            if !ct.contains("html") {
                continue;
            }
            Payload { bytes: body.to_vec(), charset: charset_of(&ct) }
        };
        let html = decode_with_charset(&page.bytes, page.charset.as_deref());
        let fields = Fields { url: uri.clone(), captured: Some(record.date().date_naive()), ..Fields::default() };
        let name = uri.unwrap_or_else(|| record.warc_id().to_string());
        sink(Item::Doc(RawDocument { name, origin: at, body: Body::Html(html), fields }));
    }
}

struct Payload {
    bytes: Vec<u8>,
    charset: Option<String>,
}

/// The body of an HTTP response if it is a 2xx HTML page, decoded from gzip/chunked if needed.
fn http_payload(block: &[u8]) -> Option<Payload> {
    let mut headers = [httparse::EMPTY_HEADER; 96];
    let mut resp = httparse::Response::new(&mut headers);
    let header_len = match resp.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        _ => return None,
    };
    if !(200..300).contains(&resp.code?) {
        return None;
    }
    let header = |name: &str| {
        resp.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
    };
    let content_type = header("content-type");
    let mut bytes = block[header_len..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        bytes = dechunk(&bytes)?;
    }
    if header("content-encoding").is_some_and(|e| e.contains("gzip")) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out).ok()?;
        bytes = out;
    }
    match &content_type {
        Some(ct) if !ct.contains("html") => return None,
        None if !bytes.trim_ascii_start().starts_with(b"<") => return None,
        _ => {}
    }
    Some(Payload { bytes, charset: content_type.as_deref().and_then(charset_of) })
}

fn charset_of(content_type: &str) -> Option<String> {
    let at = content_type.find("charset=")?;
    let v = content_type[at + 8..].trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace());
    let end = v.find([';', ' ', '"']).unwrap_or(v.len());
    (end > 0).then(|| v[..end].to_string())
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = memchr::memmem::find(data, b"\r\n")?;
        let size_str = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_str.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..).unwrap_or(&[]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_payload_keeps_html_and_drops_the_rest() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>hi</p>";
        let p = http_payload(ok).unwrap();
        assert_eq!(p.bytes, b"<p>hi</p>");
        assert_eq!(p.charset.as_deref(), Some("utf-8"));
        assert!(http_payload(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n").is_none());
        assert!(http_payload(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG").is_none());
        let chunked =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\n5\r\nb</p>\r\n0\r\n\r\n";
        assert_eq!(http_payload(chunked).unwrap().bytes, b"<p>ab</p>");
    }
}
