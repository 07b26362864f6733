-- onrecord store, schema version 1. Offsets are Unicode code points into articles.text.
-- Documented in docs/schema.md; keep the two in step.

CREATE TABLE IF NOT EXISTS articles (
    rowid       INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,      -- xxh3-64 of the normalised text, 16 hex digits
    name        TEXT NOT NULL,             -- file stem, JSONL id, or WARC target URI
    origin      TEXT NOT NULL,             -- path, path:line, or path#record
    url         TEXT,
    outlet      TEXT,
    headline    TEXT,
    dateline    TEXT,                      -- dateline city, e.g. BEIJING
    published   TEXT,                      -- YYYY-MM-DD
    captured    TEXT,                      -- YYYY-MM-DD, WARC capture date
    text        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);

CREATE TABLE IF NOT EXISTS paragraphs (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    repeat_of   INTEGER,                   -- idx of the paragraph this one repeats, or NULL
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS statements (
    id                  INTEGER PRIMARY KEY,
    article_id          TEXT NOT NULL REFERENCES articles(id),
    idx                 INTEGER NOT NULL,  -- order within the article
    kind                TEXT NOT NULL,     -- direct|indirect|mixed|floating|headline|transcript
    content_start       INTEGER NOT NULL,
    content_end         INTEGER NOT NULL,
    content             TEXT NOT NULL,
    cue_start           INTEGER,
    cue_end             INTEGER,
    cue                 TEXT,
    source_start        INTEGER,
    source_end          INTEGER,
    source              TEXT,              -- the source as written ("he")
    speaker             TEXT,              -- resolved speaker ("Zhao Lijian")
    speaker_role        TEXT,
    speaker_affiliation TEXT,
    date                TEXT,              -- YYYY-MM-DD when the statement was made
    confidence          REAL NOT NULL,
    about               TEXT NOT NULL DEFAULT '[]',   -- JSON array of entity names
    UNIQUE (article_id, idx)
);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements(speaker);
CREATE INDEX IF NOT EXISTS statements_date ON statements(date);

CREATE TABLE IF NOT EXISTS statement_about (
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    entity       TEXT NOT NULL,
    PRIMARY KEY (entity, statement_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
    content, speaker,
    content = 'statements', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, content, speaker) VALUES (new.id, new.content, new.speaker);
END;
