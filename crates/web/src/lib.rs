//! `onrecord serve`: a local web app and JSON API over the store.
//!
//! The only crate that knows HTTP. Every page has a loader in [`views`] (parameters checked,
//! store queried through a pool of read-only connections with time limits) whose result the
//! page renders as HTML ([`pages`], maud, everything escaped) and `/api/...` returns as JSON.
//! Charts are SVG drawn on the server ([`chart`]); the pages need no JavaScript and load
//! nothing from elsewhere, so a strict Content-Security-Policy holds and the app works offline.

mod cache;
pub mod chart;
mod error;
pub mod load;
pub mod pages;
mod pool;
pub mod text;
pub mod views;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use maud::Markup;
use onrecord_store::StoreError;
use serde::Serialize;

pub use cache::ViewCache;
pub use error::WebError;
pub use pool::{Pool, PoolConfig};

/// Sent with every response: no scripts at all, styles and images from this server only, no
/// framing, forms only to this server.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE: &str = include_str!("../static/style.css");
const ICON: &str = include_str!("../static/icon.svg");

#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub db: PathBuf,
    pub bind: SocketAddr,
    pub pool: PoolConfig,
    /// Views kept for repeated requests (about this many); 0 computes every request afresh.
    pub cache_entries: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

#[derive(Clone)]
pub struct AppState {
    pub pool: Arc<Pool>,
    pub cache: Arc<ViewCache>,
}

/// Serves until Ctrl-C. `ready` is called with the address once the socket listens (port 0
/// becomes the port chosen).
pub fn serve_blocking(config: ServeConfig, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let pool = Pool::open(&config.db, config.pool.clone())?;
    let cache = Arc::new(ViewCache::new(&config.db, config.cache_entries));
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.bind).await.map_err(|source| ServeError::Bind { addr: config.bind, source })?;
        ready(listener.local_addr()?);
        axum::serve(listener, app(AppState { pool, cache }))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}

/// The whole application: pages, API, style sheet, headers.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/", get(search_page))
        .route("/speakers", get(speakers_page))
        .route("/speaker", get(speaker_page))
        .route("/phrases", get(phrases_page))
        .route("/phrase", get(phrase_page))
        .route("/article/{id}", get(article_page))
        .route("/statement/{id}", get(statement_page))
        .route("/static/style.css", get(style))
        .route("/static/icon.svg", get(icon))
        .route("/api/", get(api_index))
        .route("/api/search", get(search_api))
        .route("/api/speakers", get(speakers_api))
        .route("/api/speaker", get(speaker_api))
        .route("/api/phrases", get(phrases_api))
        .route("/api/phrase", get(phrase_api))
        .route("/api/article/{id}", get(article_api))
        .route("/api/statement/{id}", get(statement_api))
        .fallback(not_found)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

async fn security_headers(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    r
}

fn page_error(e: WebError) -> Response {
    let status = e.status();
    (status, Html(pages::error_page(status.as_u16(), &e.public_message()).into_string())).into_response()
}

fn api_error(e: WebError) -> Response {
    (e.status(), Json(serde_json::json!({ "error": e.public_message(), "status": e.status().as_u16() }))).into_response()
}

fn page<T>(r: Result<T, WebError>, render: impl FnOnce(&T) -> Markup) -> Response {
    match r {
        Ok(v) => Html(render(&v).into_string()).into_response(),
        Err(e) => page_error(e),
    }
}

fn api<T: Serialize>(r: Result<T, WebError>) -> Response {
    match r {
        Ok(v) => Json(v).into_response(),
        Err(e) => api_error(e),
    }
}

/// The parameters, or the reason they cannot be read, as a client error.
fn params<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, WebError> {
    q.map(|Query(p)| p).map_err(|e| WebError::BadRequest(format!("cannot read the parameters: {}", e.body_text())))
}

/// The route and its parameters as read: a page and its API twin share the entry.
fn cache_key(route: &str, params: &impl Serialize) -> String {
    format!("{route}?{}", serde_urlencoded::to_string(params).unwrap_or_default())
}

/// A page and its API twin over one loader: `$page` renders what `$load` returns as HTML,
/// `$api` returns it as JSON.
macro_rules! query_routes {
    (by_id $page:ident, $api:ident, $load:path, $render:path) => {
        async fn $page(State(s): State<AppState>, Path(id): Path<String>) -> Response {
            page($load(&s.pool, &id).await, $render)
        }

        async fn $api(State(s): State<AppState>, Path(id): Path<String>) -> Response {
            api($load(&s.pool, &id).await)
        }
    };
    ($page:ident, $api:ident, $params:ty, $load:path, $render:expr) => {
        async fn $page(State(s): State<AppState>, q: Result<Query<$params>, QueryRejection>) -> Response {
            match params(q) {
                Ok(p) => page(s.cache.get(cache_key(stringify!($load), &p), $load(&s.pool, &p)).await, |v| $render(&p, v)),
                Err(e) => page_error(e),
            }
        }

        async fn $api(State(s): State<AppState>, q: Result<Query<$params>, QueryRejection>) -> Response {
            match params(q) {
                Ok(p) => api(s.cache.get(cache_key(stringify!($load), &p), $load(&s.pool, &p)).await),
                Err(e) => api_error(e),
            }
        }
    };
}

query_routes!(search_page, search_api, views::SearchParams, views::search, pages::search);
query_routes!(speakers_page, speakers_api, views::NameParams, views::speakers, |_, v| pages::speakers(v));
query_routes!(speaker_page, speaker_api, views::NameParams, views::speaker, |_, v| pages::speaker(v));
query_routes!(phrases_page, phrases_api, views::PhrasesParams, views::phrases, |_, v| pages::phrases(v));
query_routes!(phrase_page, phrase_api, views::PhraseParams, views::phrase, |_, v| pages::phrase(v));
query_routes!(by_id article_page, article_api, views::article, pages::article);
query_routes!(by_id statement_page, statement_api, views::statement, pages::statement);

async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")], STYLE).into_response()
}

async fn icon() -> Response {
    ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "max-age=86400")], ICON).into_response()
}

async fn api_index() -> Response {
    Json(serde_json::json!({
        "docs": "docs/api.md",
        "routes": [
            "/api/search?q=&speaker=&outlet=&about=&since=&until=&kind=&page=&per_page=",
            "/api/speakers?name=&page=&per_page=",
            "/api/speaker?name=&page=&per_page=",
            "/api/phrases?min_articles=&limit=",
            "/api/phrase?text=",
            "/api/article/{id}",
            "/api/statement/{id}",
        ],
    }))
    .into_response()
}

async fn not_found(uri: Uri) -> Response {
    let e = WebError::NotFound(format!("nothing at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        api_error(e)
    } else {
        page_error(e)
    }
}
