//! A load generator for `onrecord bench serve`: many clients, each on its own keep-alive
//! connection, asking for search pages back to back (no think time) for a fixed time, with
//! every request's latency recorded.
//!
//! Which query a client asks next is drawn from a Zipf distribution over the query list (the
//! first query most often), the way search logs look: a few queries are asked again and again,
//! most are asked rarely.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct LoadConfig {
    pub clients: usize,
    pub duration: Duration,
    /// Paths with their query strings, URL-encoded: `/?q=china`.
    pub paths: Vec<String>,
    /// The Zipf exponent of how often each path is asked (0: all equally often).
    pub zipf: f64,
    pub seed: u64,
}

#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub requests: usize,
    /// Answers other than 200, and connections that failed.
    pub errors: usize,
    pub seconds: f64,
    /// Latencies in milliseconds, sorted.
    pub latencies_ms: Vec<f64>,
    /// Distinct paths asked at least once.
    pub distinct_paths: usize,
}

impl LoadReport {
    pub fn percentile(&self, p: f64) -> f64 {
        if self.latencies_ms.is_empty() {
            return f64::NAN;
        }
        let i = ((p / 100.0) * (self.latencies_ms.len() - 1) as f64).round() as usize;
        self.latencies_ms[i.min(self.latencies_ms.len() - 1)]
    }
}

/// SplitMix64: a seeded, reproducible stream of numbers; enough to pick queries.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One keep-alive HTTP/1.1 connection that reads responses by their Content-Length.
struct Client {
    addr: SocketAddr,
    conn: Option<BufReader<TcpStream>>,
}

impl Client {
    fn get(&mut self, path: &str) -> std::io::Result<u16> {
        if self.conn.is_none() {
            let s = TcpStream::connect(self.addr)?;
            s.set_nodelay(true)?;
            s.set_read_timeout(Some(Duration::from_secs(30)))?;
            self.conn = Some(BufReader::new(s));
        }
        let r = self.request(path);
        if r.is_err() {
            self.conn = None;
        }
        r
    }

    fn request(&mut self, path: &str) -> std::io::Result<u16> {
        let conn = self.conn.as_mut().expect("connected");
        write!(conn.get_mut(), "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n")?;
        let mut line = String::new();
        conn.read_line(&mut line)?;
        let status: u16 = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
        let mut length = None;
        loop {
            line.clear();
            if conn.read_line(&mut line)? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse::<u64>().ok();
                }
            }
        }
        let length = length.ok_or_else(|| std::io::Error::other("no content-length"))?;
        std::io::copy(&mut conn.by_ref().take(length), &mut std::io::sink())?;
        Ok(status)
    }
}

/// Runs the load against a server at `addr` and gathers every latency.
pub fn run(addr: SocketAddr, cfg: &LoadConfig) -> LoadReport {
    assert!(!cfg.paths.is_empty(), "no paths to ask for");
    // cumulative Zipf weights over the path list
    let mut cumulative = Vec::with_capacity(cfg.paths.len());
    let mut total = 0.0;
    for rank in 0..cfg.paths.len() {
        total += 1.0 / ((rank + 1) as f64).powf(cfg.zipf);
        cumulative.push(total);
    }
    let start = Instant::now();
    let results: Vec<(Vec<f64>, usize, Vec<usize>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..cfg.clients.max(1))
            .map(|c| {
                let cumulative = &cumulative;
                scope.spawn(move || {
                    let mut rng = Rng(cfg.seed ^ (c as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
                    let mut client = Client { addr, conn: None };
                    let (mut latencies, mut errors, mut asked) = (Vec::new(), 0, Vec::new());
                    while start.elapsed() < cfg.duration {
                        let x = rng.unit() * total;
                        let i = cumulative.partition_point(|&w| w < x).min(cfg.paths.len() - 1);
                        let t = Instant::now();
                        let ok = matches!(client.get(&cfg.paths[i]), Ok(200));
                        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
                        asked.push(i);
                        if !ok {
                            errors += 1;
                        }
                    }
                    (latencies, errors, asked)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    let seconds = start.elapsed().as_secs_f64();
    let mut report = LoadReport { seconds, ..LoadReport::default() };
    let mut asked = vec![false; cfg.paths.len()];
    for (l, e, a) in results {
        report.requests += l.len();
        report.errors += e;
        report.latencies_ms.extend(l);
        for i in a {
            asked[i] = true;
        }
    }
    report.distinct_paths = asked.iter().filter(|&&a| a).count();
    report.latencies_ms.sort_by(f64::total_cmp);
    report
}
