//! Read-only store connections for the request handlers.
//!
//! SQLite connections are not shared between threads, so each query borrows one from a small
//! pool on tokio's blocking threads. The pool bounds how many queries run at once; a request
//! that waits too long for a connection, or whose query runs past the time limit, gets a clear
//! "busy" answer instead of piling up.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use onrecord_store::{Store, StoreError};
use tokio::sync::Semaphore;

use crate::error::WebError;

/// How the pool runs queries.
#[derive(Debug, Clone)]
pub struct PoolConfig {
    /// Queries running at once (each holds one connection).
    pub connections: usize,
    /// A query running longer is interrupted.
    pub query_time_limit: Duration,
    /// A request waiting longer than this for a connection is answered "busy".
    pub queue_time_limit: Duration,
}

impl Default for PoolConfig {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        PoolConfig { connections: cores * 2, query_time_limit: Duration::from_secs(3), queue_time_limit: Duration::from_secs(10) }
    }
}

pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Semaphore,
    config: PoolConfig,
}

impl Pool {
    /// Opens the store once to check it can be read (exists, right schema version).
    pub fn open(path: &Path, config: PoolConfig) -> Result<Arc<Pool>, StoreError> {
        let first = Self::connect(path)?;
        Ok(Arc::new(Pool {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
            permits: Semaphore::new(config.connections.max(1)),
            config,
        }))
    }

    fn connect(path: &Path) -> Result<Store, StoreError> {
        let store = Store::open_read_only(path)?;
        store.map_file(1 << 32)?;
        Ok(store)
    }

    /// Runs `f` on a pooled connection, on a blocking thread, within the time limits.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let permit = tokio::time::timeout(self.config.queue_time_limit, self.permits.acquire())
            .await
            .map_err(|_| WebError::Busy)?
            .map_err(|_| WebError::Busy)?;
        let pool = Arc::clone(self);
        let out = tokio::task::spawn_blocking(move || {
            let popped = pool.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
            let store = match popped {
                Some(s) => s,
                None => Self::connect(&pool.path)?,
            };
            let out = store.with_time_limit(pool.config.query_time_limit, f);
            pool.idle.lock().unwrap_or_else(|e| e.into_inner()).push(store);
            out
        })
        .await;
        drop(permit);
        match out {
            Ok(r) => r.map_err(WebError::from),
            // the query panicked: the connection went with it, the server goes on
            Err(e) => Err(WebError::Internal(format!("query task failed: {e}"))),
        }
    }
}
