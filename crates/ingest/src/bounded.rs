use std::io::{self, BufRead};

/// One line from [`read_line_bounded`].
pub enum Line {
    /// A line (without its `\n`) in the caller's buffer.
    Ok,
    /// A line longer than the limit; its bytes were skipped, not kept. Holds its length.
    TooLong(usize),
    Eof,
}

/// Reads one line into `buf` (cleared first) but never keeps more than `max` bytes: a longer
/// line is consumed up to its newline and reported as [`Line::TooLong`]. This keeps memory
/// bounded when a JSONL dump holds a 200 MB line.
pub fn read_line_bounded<R: BufRead + ?Sized>(r: &mut R, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    let mut total = 0usize;
    let mut overflow = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(if total == 0 {
                Line::Eof
            } else if overflow {
                Line::TooLong(total)
            } else {
                Line::Ok
            });
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let content = if done { &chunk[..take - 1] } else { &chunk[..take] };
        total += content.len();
        if !overflow {
            if buf.len() + content.len() > max {
                overflow = true;
                buf.clear();
            } else {
                buf.extend_from_slice(content);
            }
        }
        r.consume(take);
        if done {
            return Ok(if overflow { Line::TooLong(total) } else { Line::Ok });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_skipped_and_the_next_line_is_read() {
        let data = format!("short\n{}\nafter\nlast", "x".repeat(1000));
        let mut r = io::BufReader::with_capacity(16, data.as_bytes());
        let mut buf = Vec::new();
        assert!(matches!(read_line_bounded(&mut r, &mut buf, 100).unwrap(), Line::Ok));
        assert_eq!(buf, b"short");
        assert!(matches!(read_line_bounded(&mut r, &mut buf, 100).unwrap(), Line::TooLong(1000)));
        assert!(matches!(read_line_bounded(&mut r, &mut buf, 100).unwrap(), Line::Ok));
        assert_eq!(buf, b"after");
        assert!(matches!(read_line_bounded(&mut r, &mut buf, 100).unwrap(), Line::Ok));
        assert_eq!(buf, b"last");
        assert!(matches!(read_line_bounded(&mut r, &mut buf, 100).unwrap(), Line::Eof));
    }
}
