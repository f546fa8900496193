-- nahr's tables in PostgreSQL. Text times are the ISO strings the code compares, kept
-- byte-ordered (COLLATE "C") so SQL sorts exactly as the lowdb store's JavaScript does.

-- One row per story: the columns feeds sort and filter by, and the story itself.
CREATE TABLE stories (
  id text COLLATE "C" PRIMARY KEY,
  title_key text NOT NULL,
  published text COLLATE "C" NOT NULL,
  updated text COLLATE "C" NOT NULL,
  -- Distinct outlets that reported it (the top feed's rank).
  outlets integer NOT NULL,
  -- Every reporter's folded text, one per line: finds candidates for ?q= (matched again in code).
  search text NOT NULL,
  -- The store revision that last wrote it.
  rev bigint NOT NULL,
  data json NOT NULL
);
CREATE INDEX stories_published ON stories (published DESC, id);
CREATE INDEX stories_rev ON stories (rev);

-- A story's topics, for the topic feeds.
CREATE TABLE story_topics (
  topic text NOT NULL,
  story_id text COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  published text COLLATE "C" NOT NULL,
  PRIMARY KEY (topic, story_id)
);
CREATE INDEX story_topics_feed ON story_topics (topic, published DESC, story_id);

-- Each outlet's report of a story: the source feeds, finding an item stored before, /status counts.
CREATE TABLE reporters (
  source_id text NOT NULL,
  guid text NOT NULL,
  story_id text COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  published text COLLATE "C" NOT NULL,
  seen_at text COLLATE "C" NOT NULL
);
CREATE INDEX reporters_identity ON reporters (source_id, guid);
CREATE INDEX reporters_feed ON reporters (source_id, published DESC, story_id);
CREATE INDEX reporters_story ON reporters (story_id);

-- Per source: its poll state, and the lease of the poller that holds it.
CREATE TABLE sources (
  id text PRIMARY KEY,
  state json,
  next_due text COLLATE "C",
  lease_owner text,
  lease_until timestamptz
);

-- Item identities ever ingested, so an item retention dropped is not added again.
CREATE TABLE seen (
  key text PRIMARY KEY,
  at text COLLATE "C" NOT NULL
);
CREATE INDEX seen_at ON seen (at);

-- Folds undone by hand (nahr split).
CREATE TABLE splits (
  story_id text COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  source_id text NOT NULL,
  -- The item's guid as a JSON string literal (exact, whatever characters it holds).
  guid text NOT NULL,
  at text NOT NULL,
  PRIMARY KEY (story_id, source_id, guid)
);

-- One row: the revision (bumped by every write, so front ends know a render is stale)
-- and the fingerprint of the topic rules the stories were filed with.
CREATE TABLE store_state (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  revision bigint NOT NULL,
  topic_rules text
);
INSERT INTO store_state (revision) VALUES (0);
