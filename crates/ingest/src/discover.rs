use std::path::{Path, PathBuf};

use onrecord_model::{Diagnostic, Severity};

/// The formats onrecord reads. Any of them may be gzip-compressed (`.gz`, or sniffed on stdin).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// One HTML page per file.
    Html,
    /// WARC records; every HTML response is an article.
    Warc,
}

impl Format {
    /// The format a file name says, and whether it is gzipped. `None` when the name says nothing.
    pub fn from_name(name: &str) -> (Option<Format>, bool) {
        let lower = name.to_ascii_lowercase();
        let (stem, gz) = match lower.strip_suffix(".gz") {
            Some(s) => (s.to_string(), true),
            None => (lower, false),
        };
        let ext = stem.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        let format = match ext {
            "txt" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "warc" => Some(Format::Warc),
            _ => None,
        };
        (format, gz)
    }
}

/// One thing to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// `None`: sniff the content.
    pub format: Option<Format>,
    pub gzip: bool,
}

impl Input {
    pub fn display(&self) -> String {
        self.path.as_ref().map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
    }

    /// The document name for single-document inputs: the file name without its format extensions.
    pub fn stem(&self) -> String {
        let Some(path) = &self.path else { return "stdin".to_string() };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        strip_extensions(&name)
    }
}

fn strip_extensions(name: &str) -> String {
    let mut s = name;
    if s.to_ascii_lowercase().ends_with(".gz") {
        s = &s[..s.len() - 3];
    }
    if Format::from_name(s).0.is_some() {
        if let Some((stem, _)) = s.rsplit_once('.') {
            return stem.to_string();
        }
    }
    s.to_string()
}

/// Expands the command line's paths into inputs, in a stable order.
///
/// Folders are walked recursively and keep only files whose name gives a known format; a file
/// named on the command line is read whatever its name (sniffed when the name says nothing).
/// `-` is standard input. A path that does not exist or cannot be listed becomes a diagnostic.
pub fn discover(paths: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input { path: None, format: None, gzip: false });
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                diags.push(failed(path, &format!("cannot open: {e}")));
                continue;
            }
        };
        if meta.is_file() {
            let (format, gzip) = Format::from_name(&path.to_string_lossy());
            inputs.push(Input { path: Some(path.clone()), format, gzip });
            continue;
        }
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let (format, gzip) = Format::from_name(&e.file_name().to_string_lossy());
                    if format.is_some() {
                        inputs.push(Input { path: Some(e.into_path()), format, gzip });
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    let at = e.path().map(Path::to_path_buf).unwrap_or_else(|| path.clone());
                    diags.push(failed(&at, &format!("cannot list: {e}")));
                }
            }
        }
    }
    inputs
}

fn failed(path: &Path, message: &str) -> Diagnostic {
    Diagnostic { origin: path.display().to_string(), severity: Severity::Failed, message: message.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_format_and_compression() {
        assert_eq!(Format::from_name("a/b.JSONL.gz"), (Some(Format::Jsonl), true));
        assert_eq!(Format::from_name("x.warc.gz"), (Some(Format::Warc), true));
        assert_eq!(Format::from_name("page.htm"), (Some(Format::Html), false));
        assert_eq!(Format::from_name("notes.md"), (None, false));
        assert_eq!(strip_extensions("000_bb.txt"), "000_bb");
        assert_eq!(strip_extensions("abc.html.gz"), "abc");
        assert_eq!(strip_extensions("data.v2.jsonl"), "data.v2");
    }
}
