//! Results already computed, kept for the next request that asks the same thing.
//!
//! A search matching a third of the corpus touches every matching row to draw its chart; no
//! index makes that cheap, and analysts ask the same questions again (the front page, a
//! country, a speaker). So loaded views are kept, keyed by the route and its parameters as
//! read. Requests for a key being computed wait for that one computation instead of starting
//! their own. The store may be written by an `onrecord ingest` while the server runs, so the
//! cache empties itself when the store's files change (checked at most once a second).

use std::any::Any;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::error::WebError;

type Entry = Arc<dyn Any + Send + Sync>;

/// The size and modification time of the store file and its write-ahead log.
type Stamp = [Option<(u64, SystemTime)>; 2];

pub struct ViewCache {
    entries: Option<quick_cache::sync::Cache<String, Entry>>,
    files: [PathBuf; 2],
    stamp: Mutex<(Instant, Stamp)>,
}

impl ViewCache {
    /// A cache of about `capacity` views for the store at `db`; 0 turns it off.
    pub fn new(db: &Path, capacity: usize) -> ViewCache {
        let mut wal = db.as_os_str().to_owned();
        wal.push("-wal");
        let files = [db.to_path_buf(), PathBuf::from(wal)];
        let stamp = Self::read_stamp(&files);
        ViewCache {
            entries: (capacity > 0).then(|| quick_cache::sync::Cache::new(capacity)),
            files,
            stamp: Mutex::new((Instant::now(), stamp)),
        }
    }

    fn read_stamp(files: &[PathBuf; 2]) -> Stamp {
        files.each_ref().map(|f| std::fs::metadata(f).ok().map(|m| (m.len(), m.modified().unwrap_or(SystemTime::UNIX_EPOCH))))
    }

    /// Empties the cache if the store changed since the last look (at most one look a second).
    fn forget_if_store_changed(&self, entries: &quick_cache::sync::Cache<String, Entry>) {
        let mut last = self.stamp.lock().unwrap_or_else(|e| e.into_inner());
        if last.0.elapsed() < Duration::from_secs(1) {
            return;
        }
        let now = Self::read_stamp(&self.files);
        if now != last.1 {
            entries.clear();
        }
        *last = (Instant::now(), now);
    }

    /// The view stored under `key`, or `load`'s result, kept when it succeeds.
    pub async fn get<T: Send + Sync + 'static>(
        &self,
        key: String,
        load: impl Future<Output = Result<T, WebError>>,
    ) -> Result<Arc<T>, WebError> {
        let Some(entries) = &self.entries else {
            return load.await.map(Arc::new);
        };
        self.forget_if_store_changed(entries);
        // the type is part of the key, so a hit always downcasts
        let key = format!("{}\u{0}{key}", std::any::type_name::<T>());
        let entry = entries.get_or_insert_async(&key, async { load.await.map(|v| Arc::new(v) as Entry) }).await?;
        entry.downcast::<T>().map_err(|_| WebError::Internal(format!("cached view of the wrong type for {key}")))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[tokio::test]
    async fn a_view_is_loaded_once_and_forgotten_when_the_store_changes() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        std::fs::write(&db, b"one").unwrap();
        let cache = ViewCache::new(&db, 16);
        let loads = AtomicUsize::new(0);
        let load = || async {
            loads.fetch_add(1, Ordering::SeqCst);
            Ok::<_, WebError>(7)
        };
        assert_eq!(*cache.get("k".into(), load()).await.unwrap(), 7);
        assert_eq!(*cache.get("k".into(), load()).await.unwrap(), 7);
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        // errors are not kept
        let failing = async { Err::<i32, _>(WebError::Busy) };
        assert!(cache.get("e".into(), failing).await.is_err());
        assert_eq!(*cache.get("e".into(), load()).await.unwrap(), 7);
        assert_eq!(loads.load(Ordering::SeqCst), 2);
        // an ingest writes the store: the next look (a second later) empties the cache
        std::fs::write(&db, b"one and two").unwrap();
        cache.stamp.lock().unwrap().0 -= Duration::from_secs(2);
        cache.get("k".into(), load()).await.unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 3);
        // off: every call loads
        let off = ViewCache::new(&db, 0);
        off.get("k".into(), load()).await.unwrap();
        off.get("k".into(), load()).await.unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 5);
    }
}
