//! What can go wrong in a request, and the answer the client gets: a status and a message it
//! can act on, as an HTML page or as JSON. Internal details go to the server's log, never to
//! the client.

use onrecord_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// Something the request asked for that does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A parameter the client sent that cannot be used; the message says which and why.
    #[error("{0}")]
    BadRequest(String),
    /// Every connection busy for too long, or the query too slow.
    #[error("the server is busy or the query is too broad; narrow it or try again")]
    Busy,
    /// A fault of the server's; logged, answered with a generic message.
    #[error("internal error")]
    Internal(String),
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Query(msg) => WebError::BadRequest(msg),
            StoreError::TimedOut(_) => WebError::Busy,
            e => WebError::Internal(e.to_string()),
        }
    }
}

impl WebError {
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message for the client; logs the details of an internal error.
    pub fn public_message(&self) -> String {
        if let WebError::Internal(detail) = self {
            eprintln!("onrecord serve: {detail}");
        }
        self.to_string()
    }
}
