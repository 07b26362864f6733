-- onrecord store, schema version 4. Offsets are Unicode code points into articles.text.
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
    cluster     INTEGER,                   -- rowid of the earliest copy of this story (itself if none)
    -- last: SQLite reads a row's columns in order, and a long text spills onto overflow pages
    -- that linking (which reads cluster) would otherwise walk through
    text        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster);
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
    group_id            INTEGER,           -- id of the first occurrence of this statement in the corpus
    fingerprint         INTEGER NOT NULL DEFAULT 0, -- hash of the normalised words
    speaker_key         TEXT,              -- speakers.key
    day                 INTEGER,           -- days since 1970-01-01 of date, else of the article's publication
    outlet              TEXT,              -- the article's outlet, kept here for the corpus queries
    UNIQUE (article_id, idx)
);
CREATE INDEX IF NOT EXISTS statements_group ON statements(group_id);
CREATE INDEX IF NOT EXISTS statements_fingerprint ON statements(fingerprint, speaker_key, group_id);
CREATE INDEX IF NOT EXISTS statements_speaker_key ON statements(speaker_key, day);
CREATE INDEX IF NOT EXISTS statements_day ON statements(day, article_id, idx);

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
-- Rows are added by the writer for each distinct statement (the first of its group, or a new
-- variant), not for every copy: search finds a statement once, however many outlets ran it.

-- Cross-article links (crates/link computes the keys; store.rs/link.rs keeps them).

-- The lookups of linking read these narrow tables, not the wide rows of articles and
-- statements: at 100,000 articles they stay in the page cache, the wide rows do not.

-- LSH band keys of article signatures, to find copies of a story. A near-exact copy of a
-- stored article adds none (nor a signature, nor paragraph hashes): it is found through the
-- article it copies.
CREATE TABLE IF NOT EXISTS article_bands (
    key          INTEGER NOT NULL,
    article      INTEGER NOT NULL,         -- articles.rowid
    PRIMARY KEY (key, article)
) WITHOUT ROWID;

-- MinHash signatures (80 little-endian u32) of the articles with band keys.
CREATE TABLE IF NOT EXISTS article_signatures (
    article      INTEGER PRIMARY KEY,      -- articles.rowid
    signature    BLOB NOT NULL
);

-- Long paragraphs by the hash of their words: two articles sharing one reuse each other's text.
CREATE TABLE IF NOT EXISTS paragraph_hashes (
    hash         INTEGER NOT NULL,
    article      INTEGER NOT NULL,         -- articles.rowid
    idx          INTEGER NOT NULL,
    PRIMARY KEY (hash, article, idx)
) WITHOUT ROWID;
-- (no index by article: nothing looks paragraphs up that way, and it cost an insert per paragraph)
DROP INDEX IF EXISTS paragraph_hashes_article;

-- Pairs of articles sharing a long paragraph, found when the later-stored one was written; a
-- paragraph already in more than 20 articles is boilerplate and links nothing.
CREATE TABLE IF NOT EXISTS paragraph_links (
    article      INTEGER NOT NULL,         -- articles.rowid, the one written later
    idx          INTEGER NOT NULL,
    other        INTEGER NOT NULL,         -- articles.rowid
    other_idx    INTEGER NOT NULL,
    PRIMARY KEY (article, idx, other)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS paragraph_links_other ON paragraph_links(other);

-- Lookup keys of statements that started a group or are a new variant of one, with the
-- statement's day: a lookup reads only the candidates reported near its own day (and the
-- undated ones), not every statement that ever shared a key.
CREATE TABLE IF NOT EXISTS statement_keys (
    key          INTEGER NOT NULL,
    -- statement_words.day, or -9223372036854775808 for an undated statement: a key column of a
    -- table without rowids cannot be NULL (earlier writers gave NULL, and SQLite dropped the row)
    day          INTEGER,
    statement_id INTEGER NOT NULL,
    PRIMARY KEY (key, day, statement_id)
) WITHOUT ROWID;

-- The normalised words (little-endian u64 hashes) and day of those statements, which
-- near-copy matching compares.
CREATE TABLE IF NOT EXISTS statement_words (
    statement_id INTEGER PRIMARY KEY,
    day          INTEGER,
    words        BLOB NOT NULL
);

-- Statement groups that gained an occurrence since the last talking-point refresh: the grams
-- of their statements have stale statistics.
CREATE TABLE IF NOT EXISTS dirty_groups (
    group_id     INTEGER PRIMARY KEY
);

-- Grams (three content words) of those statements, with the words as written.
CREATE TABLE IF NOT EXISTS phrase_grams (
    gram         INTEGER NOT NULL,
    statement_id INTEGER NOT NULL,
    surface      TEXT NOT NULL,
    PRIMARY KEY (gram, statement_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS phrase_grams_statement ON phrase_grams(statement_id);

-- Per gram: its stems and corpus statistics, refreshed at the end of each ingest run for the
-- grams whose statements changed (dirty = 1 until then).
CREATE TABLE IF NOT EXISTS grams (
    gram         INTEGER PRIMARY KEY,
    stems        TEXT NOT NULL,
    variants     INTEGER NOT NULL DEFAULT 0,   -- statements in phrase_grams with this gram
    dirty        INTEGER NOT NULL DEFAULT 1,
    statements   INTEGER NOT NULL DEFAULT 0,   -- distinct statements (groups)
    occurrences  INTEGER NOT NULL DEFAULT 0,
    articles     INTEGER NOT NULL DEFAULT 0,
    outlets      INTEGER NOT NULL DEFAULT 0,
    speakers     INTEGER NOT NULL DEFAULT 0,
    months       INTEGER NOT NULL DEFAULT 0,
    first        TEXT,
    last         TEXT
);
CREATE INDEX IF NOT EXISTS grams_dirty ON grams(dirty) WHERE dirty = 1;
CREATE INDEX IF NOT EXISTS grams_statements ON grams(statements) WHERE statements >= 2;
CREATE TABLE IF NOT EXISTS gram_months   (gram INTEGER NOT NULL, month TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (gram, month)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS gram_speakers (gram INTEGER NOT NULL, speaker TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (gram, speaker)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS gram_speakers_speaker ON gram_speakers(speaker, n);
CREATE TABLE IF NOT EXISTS gram_outlets  (gram INTEGER NOT NULL, outlet TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (gram, outlet)) WITHOUT ROWID;

-- A Bloom filter over the keys of article_bands, paragraph_hashes, statement_keys and
-- statements.fingerprint (crates/link filter.rs): a key it has never seen has no rows, and the
-- writer skips its lookup. Saved with every commit, with the last article and statement it
-- covers; when those are not the store's last ones, the writer rebuilds it from the tables.
CREATE TABLE IF NOT EXISTS key_filter (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    articles     INTEGER NOT NULL,         -- max(articles.rowid) when saved
    statements   INTEGER NOT NULL,         -- max(statements.id) when saved
    bits         BLOB NOT NULL
);

-- Count-min sketch of the articles each gram appears in anywhere (crates/link background.rs).
CREATE TABLE IF NOT EXISTS gram_background (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    counts       BLOB NOT NULL
);

-- Speakers across the corpus, keyed by link::speakers::speaker_key.
CREATE TABLE IF NOT EXISTS speakers (
    key          TEXT PRIMARY KEY,
    name         TEXT NOT NULL,            -- as first written (earliest statement)
    occurrences  INTEGER NOT NULL,
    first        TEXT,
    last         TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS speaker_aliases (
    speaker      TEXT NOT NULL,
    alias        TEXT NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (speaker, alias)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS speaker_months (
    speaker      TEXT NOT NULL,
    month        TEXT NOT NULL,            -- YYYY-MM
    n            INTEGER NOT NULL,
    PRIMARY KEY (speaker, month)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS speaker_outlets (
    speaker      TEXT NOT NULL,
    outlet       TEXT NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (speaker, outlet)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS speaker_roles (
    speaker      TEXT NOT NULL,
    role         TEXT NOT NULL,            -- '' when none
    affiliation  TEXT NOT NULL,            -- '' when none
    first        TEXT,
    last         TEXT,
    n            INTEGER NOT NULL,
    PRIMARY KEY (speaker, role, affiliation)
) WITHOUT ROWID;
