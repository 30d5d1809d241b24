/*
 * cxapian.h - a C interface over Xapian's C++ API, so Swift can use Xapian
 * without a C++ exception ever reaching Swift (which would abort the process).
 *
 * Conventions (modelled on notmuch's lib/notmuch.h):
 *
 *  - Handles are opaque (cx_database, cx_query, ...). Functions are named
 *    cx_<object>_<verb>. Every handle has a cx_<object>_free, which accepts
 *    NULL and has no failure modes.
 *
 *  - Every fallible function returns a cx_status and takes a trailing
 *    `char **message`. On CX_OK, *message is left untouched (initialise it to
 *    NULL). On failure, *message receives a malloc'd, NUL-terminated
 *    description owned by the caller and released with cx_string_free.
 *    `message` itself may be NULL when the caller does not want the text.
 *    Results come back through out-pointers, which are written only on CX_OK.
 *
 *  - Strings in and out are (pointer, length) byte strings: terms, values,
 *    document data and metadata may contain NUL bytes. Strings returned
 *    through `char **out, size_t *out_len` are malloc'd, owned by the caller,
 *    released with cx_string_free, and also NUL-terminated for convenience.
 *    A NULL input pointer is accepted only with a length of 0.
 *
 *  - Lifetime: Xapian objects are reference-counted internally and every
 *    child handle (document, term iterator, enquire, mset, query parser)
 *    holds its own reference to what it needs. Freeing a parent never
 *    invalidates its children; e.g. an mset may be freed after its database
 *    and enquire. Closing a database (cx_*_close) is different: children stay
 *    valid to free, but operations that need the database then fail with
 *    CX_DATABASE_ERROR ("Database has been closed"). A writer and its read
 *    views share that state. Documents load lazily, so reading the data or
 *    terms of a document from a closed database fails too.
 *
 *  - Handles are not thread-safe: use each one from one thread at a time, and
 *    do not share handles that came from the same database across threads.
 *
 *  - Nothing in this library prints.
 */
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* MARK: - Status */

/** Outcome of a fallible call. Mirrors Xapian's exception hierarchy, most
 *  specific first. */
typedef enum cx_status {
    CX_OK = 0,
    /** Another writer holds the database lock (Xapian::DatabaseLockError). */
    CX_DATABASE_LOCK,
    /** No database at the path (Xapian::DatabaseNotFoundError). */
    CX_DATABASE_NOT_FOUND,
    /** The database could not be opened (Xapian::DatabaseOpeningError). */
    CX_DATABASE_OPENING,
    /** The database is damaged (Xapian::DatabaseCorruptError). */
    CX_DATABASE_CORRUPT,
    /** Unsupported on-disk format version (Xapian::DatabaseVersionError). */
    CX_DATABASE_VERSION,
    /** A writer changed the revision a reader was using; reopen and retry
     *  (Xapian::DatabaseModifiedError). */
    CX_DATABASE_MODIFIED,
    /** Any other database error, including use after close
     *  (Xapian::DatabaseError, DatabaseClosedError, DatabaseCreateError). */
    CX_DATABASE_ERROR,
    /** The query string could not be parsed (Xapian::QueryParserError). */
    CX_QUERY_PARSER,
    /** A bad argument, including NULL handles (Xapian::InvalidArgumentError). */
    CX_INVALID_ARGUMENT,
    /** The call is not valid in this state (Xapian::InvalidOperationError). */
    CX_INVALID_OPERATION,
    /** Remote connection failed (Xapian::NetworkError). */
    CX_NETWORK,
    /** Remote operation timed out (Xapian::NetworkTimeoutError). */
    CX_NETWORK_TIMEOUT,
    /** No document with that id or unique term (Xapian::DocNotFoundError). */
    CX_DOC_NOT_FOUND,
    /** An index or value out of range (Xapian::RangeError). */
    CX_RANGE,
    /** Any other Xapian::Error (e.g. WildcardError, FeatureUnavailableError). */
    CX_XAPIAN_OTHER,
    /** std::bad_alloc. */
    CX_NO_MEMORY,
    /** Any other std::exception. */
    CX_STD_EXCEPTION,
    /** Something that was not a std::exception was thrown. */
    CX_UNKNOWN,
    /** Sentinel: one past the last status. Never returned. */
    CX_LAST_STATUS
} cx_status;

/** Static name of a status, e.g. "CX_DATABASE_LOCK". Never NULL. */
const char *cx_status_to_string(cx_status status);

/** Frees a string returned by this library (messages and byte outputs). */
void cx_string_free(char *string);

/** Frees a docid array returned by cx_*_postlist, or the value ends of
 *  cx_database_value_codes. */
void cx_docids_free(uint32_t *docids);

/** Xapian's version, e.g. "1.4.22". Static; do not free. */
const char *cx_version_string(void);

/* MARK: - Handles */

typedef struct cx_database cx_database;
typedef struct cx_writable_database cx_writable_database;
typedef struct cx_document cx_document;
typedef struct cx_term_iterator cx_term_iterator;
typedef struct cx_query cx_query;
typedef struct cx_query_parser cx_query_parser;
typedef struct cx_enquire cx_enquire;
typedef struct cx_mset cx_mset;
typedef struct cx_matchspy cx_matchspy;
typedef struct cx_deadline cx_deadline;

/* MARK: - Database (read-only) */

/** Opens a glass database directory or single-file database. Never a stub
 *  file (XAPIANDB): a stub line `remote :PROGRAM` would run PROGRAM; combine
 *  shards with cx_database_add_database instead.
 *  Returns CX_DATABASE_NOT_FOUND, CX_DATABASE_OPENING, CX_DATABASE_VERSION,
 *  CX_DATABASE_CORRUPT, ... */
cx_status cx_database_open(const char *path, size_t path_len,
                           cx_database **out, char **message);

/** Connects to a xapian-tcpsrv. Timeouts are in milliseconds; 0 means none.
 *  Returns CX_NETWORK or CX_NETWORK_TIMEOUT when the server is unreachable. */
cx_status cx_database_open_remote(const char *host, size_t host_len,
                                  unsigned port, unsigned timeout_ms,
                                  unsigned connect_timeout_ms,
                                  cx_database **out, char **message);

/** A database with no shards; add some with cx_database_add_database. */
cx_status cx_database_new_empty(cx_database **out, char **message);

/** Adds the shards of `shard` to `db` so they are searched as one.
 *  `shard` may be freed afterwards. Docids are interleaved across shards. */
cx_status cx_database_add_database(cx_database *db, const cx_database *shard,
                                   char **message);

/** Moves to the latest committed revision. *changed is true if it may have
 *  changed. Fails with CX_DATABASE_ERROR after close. */
cx_status cx_database_reopen(cx_database *db, bool *changed, char **message);

/** Releases the files or connection now. Later operations fail; free still
 *  has to be called. Closing twice is fine. */
cx_status cx_database_close(cx_database *db, char **message);

void cx_database_free(cx_database *db);

cx_status cx_database_get_doccount(const cx_database *db, uint32_t *out,
                                   char **message);
cx_status cx_database_get_lastdocid(const cx_database *db, uint32_t *out,
                                    char **message);
/** The revision of a database with one sub-database: it grows with each
 *  commit. Fails for a combined database (CX_INVALID_OPERATION) or a remote
 *  one (the backend does not implement it). */
cx_status cx_database_get_revision(const cx_database *db, uint64_t *out,
                                   char **message);
/** The database's UUID (a new one for each database created), as text; empty
 *  when the backend has none. */
cx_status cx_database_get_uuid(const cx_database *db, char **out,
                               size_t *out_len, char **message);
/** Returns CX_DOC_NOT_FOUND if there is no such document. */
cx_status cx_database_get_document(const cx_database *db, uint32_t docid,
                                   cx_document **out, char **message);
cx_status cx_database_term_exists(const cx_database *db, const char *term,
                                  size_t term_len, bool *out, char **message);
cx_status cx_database_get_termfreq(const cx_database *db, const char *term,
                                   size_t term_len, uint32_t *out,
                                   char **message);
/** All docids indexed by `term`, ascending, as a malloc'd array freed with
 *  cx_docids_free (*docids is NULL when *count is 0). */
cx_status cx_database_postlist(const cx_database *db, const char *term,
                               size_t term_len, uint32_t **docids,
                               size_t *count, char **message);
/** Reads the value in `slot` of every document, numbering the distinct
 *  values in the order they first occur in docid order: codes[did] is 1 +
 *  the number of did's value, or 0 when did has none, for every did below
 *  `codes_len` (pass the last docid + 1; the caller zeroes `codes`). The
 *  distinct values are returned one after another in `*values` (freed with
 *  cx_string_free), value i ending at byte `(*ends)[i]` (`*count` ends, freed
 *  with cx_docids_free); values are compared byte by byte. A document at or past `codes_len` is left out. One pass
 *  over the slot's value stream, for a table held in memory (what Lucene
 *  calls field data). */
cx_status cx_database_value_codes(const cx_database *db, uint32_t slot,
                                  uint32_t *codes, size_t codes_len,
                                  char **values, size_t *values_len,
                                  uint32_t **ends, size_t *count,
                                  char **message);
/** Iterates over all terms starting with `prefix` in byte order; the
 *  iterator yields term and termfreq. */
cx_status cx_database_allterms(const cx_database *db, const char *prefix,
                               size_t prefix_len, cx_term_iterator **out,
                               char **message);
/** The most frequent spelling-table entry within `max_edit_distance` of
 *  `word`, or "" if there is none. `word` itself is never suggested. */
cx_status cx_database_get_spelling_suggestion(const cx_database *db,
                                              const char *word,
                                              size_t word_len,
                                              unsigned max_edit_distance,
                                              char **out, size_t *out_len,
                                              char **message);
/** Iterates over the user metadata keys starting with `prefix`, in byte
 *  order; the iterator yields keys only (no termfreq). */
cx_status cx_database_metadata_keys(const cx_database *db, const char *prefix,
                                    size_t prefix_len, cx_term_iterator **out,
                                    char **message);
/** User metadata for `key`, or "" if unset. */
cx_status cx_database_get_metadata(const cx_database *db, const char *key,
                                   size_t key_len, char **out,
                                   size_t *out_len, char **message);

/** Flags for cx_database_compact. */
typedef enum cx_compact_flag {
    /** Write a single-file database instead of a directory. */
    CX_COMPACT_SINGLE_FILE = 1
} cx_compact_flag;

/** Writes a compacted copy (all shards merged) to `path`. */
cx_status cx_database_compact(cx_database *db, const char *path,
                              size_t path_len, unsigned flags,
                              char **message);

/* MARK: - Writable database */

typedef enum cx_db_mode {
    CX_DB_CREATE_OR_OPEN = 0,
    CX_DB_CREATE_OR_OVERWRITE = 1,
    /** Open an existing database; CX_DATABASE_NOT_FOUND/OPENING if none. */
    CX_DB_OPEN = 2
} cx_db_mode;

/** Opens a glass database for writing (never through a stub file). Returns
 *  CX_DATABASE_LOCK if another writer (in this or another process) has it open. */
cx_status cx_writable_database_open(const char *path, size_t path_len,
                                    cx_db_mode mode,
                                    cx_writable_database **out,
                                    char **message);

/** As cx_writable_database_open, with Xapian's flush threshold: buffered
 *  changes are written to the tables (not committed) every
 *  `flush_documents` added or replaced documents (Xapian's default is 10000).
 *  Xapian reads the threshold only from the environment variable
 *  XAPIAN_FLUSH_THRESHOLD when a database is opened, so this sets it there,
 *  under a lock, and leaves it set (removing a variable while other threads
 *  read the environment is unsafe): later opens with 0, and plain
 *  cx_writable_database_open, get the last value set. A value the user had
 *  exported before the first call wins over every `flush_documents`. */
cx_status cx_writable_database_open_with(const char *path, size_t path_len,
                                         cx_db_mode mode,
                                         uint32_t flush_documents,
                                         cx_writable_database **out,
                                         char **message);

/** Commits pending changes (unless inside a transaction) and releases the
 *  lock. Later operations fail; free still has to be called. */
cx_status cx_writable_database_close(cx_writable_database *db,
                                     char **message);

/** Frees the handle. Xapian's destructor commits pending changes outside a
 *  transaction and swallows any error, so call commit/close first. */
void cx_writable_database_free(cx_writable_database *db);

/** A read-only handle sharing this writer's state (it sees uncommitted
 *  changes). This is how a writable database is searched: pass the view to
 *  cx_enquire_new or cx_query_parser_set_database. Closing either handle
 *  closes both. */
cx_status cx_writable_database_read_view(const cx_writable_database *db,
                                         cx_database **out, char **message);

cx_status cx_writable_database_add_document(cx_writable_database *db,
                                            const cx_document *doc,
                                            uint32_t *docid, char **message);
/** Replaces every document indexed by `unique_term` with `doc` (adding it if
 *  there is none) and returns its docid. `doc` should contain the term. */
cx_status cx_writable_database_replace_document_by_term(
    cx_writable_database *db, const char *unique_term, size_t term_len,
    const cx_document *doc, uint32_t *docid, char **message);
/** Replaces (or creates) the document with id `docid`. */
cx_status cx_writable_database_replace_document(cx_writable_database *db,
                                                uint32_t docid,
                                                const cx_document *doc,
                                                char **message);
/** Deletes every document indexed by `unique_term` (none is not an error). */
cx_status cx_writable_database_delete_document_by_term(
    cx_writable_database *db, const char *unique_term, size_t term_len,
    char **message);
/** Returns CX_DOC_NOT_FOUND if there is no such document. */
cx_status cx_writable_database_delete_document(cx_writable_database *db,
                                               uint32_t docid,
                                               char **message);
cx_status cx_writable_database_commit(cx_writable_database *db,
                                      char **message);
/** `flushed`: commit on cx_writable_database_commit_transaction. */
cx_status cx_writable_database_begin_transaction(cx_writable_database *db,
                                                 bool flushed,
                                                 char **message);
cx_status cx_writable_database_commit_transaction(cx_writable_database *db,
                                                  char **message);
cx_status cx_writable_database_cancel_transaction(cx_writable_database *db,
                                                  char **message);
/** Sets user metadata; an empty value removes the key. */
cx_status cx_writable_database_set_metadata(cx_writable_database *db,
                                            const char *key, size_t key_len,
                                            const char *value,
                                            size_t value_len, char **message);
cx_status cx_writable_database_get_metadata(const cx_writable_database *db,
                                            const char *key, size_t key_len,
                                            char **out, size_t *out_len,
                                            char **message);
cx_status cx_writable_database_add_spelling(cx_writable_database *db,
                                            const char *word, size_t word_len,
                                            uint32_t freqinc, char **message);

/** Adds `count` words to the spelling data, each with frequency +1, in one
 *  call (the indexer adds every distinct word of every document). `words`
 *  is laid out as for cx_document_add_terms_batch and validated first. */
cx_status cx_writable_database_add_spellings(cx_writable_database *db,
                                             const char *words,
                                             size_t words_len, size_t count,
                                             char **message);

/** Takes each of `count` words back from the spelling data (frequency -1;
 *  a word at 0 leaves it), laid out as for cx_writable_database_add_spellings.
 *  A word that is not there is left alone. */
cx_status cx_writable_database_remove_spellings(cx_writable_database *db,
                                                const char *words,
                                                size_t words_len, size_t count,
                                                char **message);
cx_status cx_writable_database_add_synonym(cx_writable_database *db,
                                           const char *term, size_t term_len,
                                           const char *synonym,
                                           size_t synonym_len,
                                           char **message);
cx_status cx_writable_database_get_doccount(const cx_writable_database *db,
                                            uint32_t *out, char **message);
cx_status cx_writable_database_get_document(const cx_writable_database *db,
                                            uint32_t docid, cx_document **out,
                                            char **message);
cx_status cx_writable_database_term_exists(const cx_writable_database *db,
                                           const char *term, size_t term_len,
                                           bool *out, char **message);
/** As cx_database_postlist. */
cx_status cx_writable_database_postlist(const cx_writable_database *db,
                                        const char *term, size_t term_len,
                                        uint32_t **docids, size_t *count,
                                        char **message);
/** As cx_database_allterms. */
cx_status cx_writable_database_allterms(const cx_writable_database *db,
                                        const char *prefix, size_t prefix_len,
                                        cx_term_iterator **out,
                                        char **message);
/** As cx_database_metadata_keys. */
cx_status cx_writable_database_metadata_keys(const cx_writable_database *db,
                                             const char *prefix,
                                             size_t prefix_len,
                                             cx_term_iterator **out,
                                             char **message);

/* MARK: - Document */

cx_status cx_document_new(cx_document **out, char **message);
void cx_document_free(cx_document *doc);

/** The docid this document was read from, or 0 for a new document. */
uint32_t cx_document_get_docid(const cx_document *doc);
cx_status cx_document_get_data(const cx_document *doc, char **out,
                               size_t *out_len, char **message);
cx_status cx_document_set_data(cx_document *doc, const char *data,
                               size_t data_len, char **message);
/** The value in `slot`, or "" if unset. */
cx_status cx_document_get_value(const cx_document *doc, uint32_t slot,
                                char **out, size_t *out_len, char **message);
/** Sets the value in `slot`; an empty value removes it. */
cx_status cx_document_set_value(cx_document *doc, uint32_t slot,
                                const char *value, size_t value_len,
                                char **message);
cx_status cx_document_add_term(cx_document *doc, const char *term,
                               size_t term_len, uint32_t wdfinc,
                               char **message);
/** A term with wdf 0 that does not affect ranking (filters, ids). */
cx_status cx_document_add_boolean_term(cx_document *doc, const char *term,
                                       size_t term_len, char **message);
cx_status cx_document_add_posting(cx_document *doc, const char *term,
                                  size_t term_len, uint32_t pos,
                                  uint32_t wdfinc, char **message);
/** Returns CX_INVALID_ARGUMENT if the document does not contain the term. */
cx_status cx_document_remove_term(cx_document *doc, const char *term,
                                  size_t term_len, char **message);
cx_status cx_document_clear_terms(cx_document *doc, char **message);

/** Adds `count` terms in one call, because bridging one string per term is
 *  the indexer's hot path. `terms` holds `count` NUL-terminated terms back to
 *  back (so terms here cannot contain NUL, and none may be empty);
 *  `terms_len` counts every byte including the terminators. positions[i] == 0
 *  means add_term(term, wdf_inc); otherwise add_posting(term, positions[i],
 *  wdf_inc); `positions` may be NULL to add every term without a position.
 *  A `wdf_inc` of 0 makes boolean terms: they match, but add nothing to the
 *  document's length or to a weight.
 *  The whole buffer is validated before any term is added; on
 *  CX_INVALID_ARGUMENT the document is unchanged. */
cx_status cx_document_add_terms_batch(cx_document *doc, const char *terms,
                                      size_t terms_len,
                                      const uint32_t *positions, size_t count,
                                      uint32_t wdf_inc, char **message);

/** Iterates over the document's terms in byte order; the iterator yields
 *  term and wdf (and termfreq for documents read from a database). */
cx_status cx_document_termlist(const cx_document *doc, cx_term_iterator **out,
                               char **message);

/* MARK: - Term iterator */

/** Shared by allterms (term, termfreq), termlists (term, wdf) and matchspy
 *  top values (value, frequency as termfreq). */
bool cx_term_iterator_valid(const cx_term_iterator *it);
cx_status cx_term_iterator_next(cx_term_iterator *it, char **message);
/** Borrowed bytes, valid until the next call on this iterator. */
cx_status cx_term_iterator_term(cx_term_iterator *it, const char **term,
                                size_t *term_len, char **message);
cx_status cx_term_iterator_termfreq(const cx_term_iterator *it, uint32_t *out,
                                    char **message);
cx_status cx_term_iterator_wdf(const cx_term_iterator *it, uint32_t *out,
                               char **message);
void cx_term_iterator_free(cx_term_iterator *it);

/* MARK: - Query */

/** Mirrors the combining operators of Xapian::Query::op. */
typedef enum cx_query_op {
    CX_QUERY_OP_AND = 0,
    CX_QUERY_OP_OR,
    CX_QUERY_OP_AND_NOT,
    CX_QUERY_OP_XOR,
    CX_QUERY_OP_AND_MAYBE,
    CX_QUERY_OP_FILTER,
    CX_QUERY_OP_NEAR,
    CX_QUERY_OP_PHRASE,
    CX_QUERY_OP_ELITE_SET,
    CX_QUERY_OP_SYNONYM,
    CX_QUERY_OP_MAX
} cx_query_op;

/** `pos` 0 means no position. */
cx_status cx_query_new_term(const char *term, size_t term_len, uint32_t wqf,
                            uint32_t pos, cx_query **out, char **message);
/** Combines `count` subqueries (the caller keeps ownership of them).
 *  `parameter` is the window for NEAR/PHRASE (0 = number of subqueries) and
 *  the set size for ELITE_SET; otherwise ignored. */
cx_status cx_query_new_combine(cx_query_op op,
                               const cx_query *const *subqueries,
                               size_t count, uint32_t parameter,
                               cx_query **out, char **message);
/** CX_INVALID_ARGUMENT if factor < 0. */
cx_status cx_query_new_scale_weight(const cx_query *query, double factor,
                                    cx_query **out, char **message);
cx_status cx_query_new_value_range(uint32_t slot, const char *lo,
                                   size_t lo_len, const char *hi,
                                   size_t hi_len, cx_query **out,
                                   char **message);
cx_status cx_query_new_value_ge(uint32_t slot, const char *lo, size_t lo_len,
                                cx_query **out, char **message);
cx_status cx_query_new_value_le(uint32_t slot, const char *hi, size_t hi_len,
                                cx_query **out, char **message);
/** Terms starting with `pattern`, ORed as a synonym. When more than
 *  `max_expansion` terms match (0 = no limit), only the most frequent are
 *  kept rather than failing. */
cx_status cx_query_new_wildcard(const char *pattern, size_t pattern_len,
                                uint32_t max_expansion, cx_query **out,
                                char **message);
cx_status cx_query_new_match_all(cx_query **out, char **message);
/** Matches every document with the same weight (FixedWeightPostingSource):
 *  combined with OP_FILTER, a weight that does not depend on wdf or document
 *  length. CX_INVALID_ARGUMENT if weight < 0 or is not finite. */
cx_status cx_query_new_fixed_weight(double weight, cx_query **out,
                                    char **message);
/** Matches the documents whose docid (within each shard), hashed, is `residue`
 *  modulo `modulus`, with no weight: a random sample of about 1/modulus of the
 *  documents, to count a query's matches on a sample and scale the count up.
 *  With `run` > 1 the docids are taken in runs of that many consecutive ones
 *  (whole runs hashed), so reading the sample's values visits few value chunks.
 *  A custom posting source: a remote shard cannot run it (its server does not
 *  know it), so a query holding it fails there. CX_INVALID_ARGUMENT if modulus
 *  or run is 0. */
cx_status cx_query_new_docid_sample(uint32_t modulus, uint32_t residue,
                                    uint32_t run, cx_query **out,
                                    char **message);
cx_status cx_query_new_match_nothing(cx_query **out, char **message);
/** A time by which the matches of the queries made from it (cx_query_new_until)
 *  end: a bound on one search's time, the way Solr's timeAllowed and
 *  Elasticsearch's timeout bound theirs. Xapian 1.4's own
 *  Enquire::set_time_limit only stops counting past the page, not the match.
 *  `seconds` from now; CX_INVALID_ARGUMENT if it is negative or not finite.
 *  Thread-safe: the queries of several enquires may share one deadline. */
cx_status cx_deadline_new(double seconds, cx_deadline **out, char **message);
/** True once a match has ended early because the deadline had passed: its
 *  page holds the best of the documents read before, and its counts are low. */
bool cx_deadline_stopped_a_match(const cx_deadline *deadline);
void cx_deadline_free(cx_deadline *deadline);
/** Matches every document, with no weight, until `deadline` passes, and then
 *  ends: OP_FILTER a query by it and its match stops there, returning what it
 *  has found. The clock is read once every 256 documents the match tries.
 *  A custom posting source, like cx_query_new_docid_sample: local databases
 *  only. */
cx_status cx_query_new_until(const cx_deadline *deadline, cx_query **out,
                             char **message);
/** The part of `query` that decides which documents match, for counting them:
 *  the same matches, without the optional side of each AND_MAYBE and without
 *  weight scaling (OP_SCALE_WEIGHT), so the matches carry other weights. What
 *  is left can merge into an AND that filters it (a count on a docid sample):
 *  a phrase's positions are then read only for the documents the filter keeps. */
cx_status cx_query_new_matching_part(const cx_query *query, cx_query **out,
                                     char **message);
cx_status cx_query_get_description(const cx_query *query, char **out,
                                   size_t *out_len, char **message);
/** True for the match-nothing query (and a NULL handle). */
bool cx_query_is_empty(const cx_query *query);
void cx_query_free(cx_query *query);

/* MARK: - Query parser */

/** Values equal Xapian::QueryParser::feature_flag. */
typedef enum cx_qp_flag {
    CX_QP_FLAG_BOOLEAN = 1,
    CX_QP_FLAG_PHRASE = 2,
    CX_QP_FLAG_LOVEHATE = 4,
    CX_QP_FLAG_BOOLEAN_ANY_CASE = 8,
    CX_QP_FLAG_WILDCARD = 16,
    CX_QP_FLAG_PURE_NOT = 32,
    CX_QP_FLAG_PARTIAL = 64,
    CX_QP_FLAG_SPELLING_CORRECTION = 128,
    CX_QP_FLAG_SYNONYM = 256,
    CX_QP_FLAG_AUTO_SYNONYMS = 512,
    CX_QP_FLAG_AUTO_MULTIWORD_SYNONYMS = 1024,
    CX_QP_FLAG_CJK_NGRAM = 2048,
    CX_QP_FLAG_ACCUMULATE = 65536,
    CX_QP_FLAG_NO_POSITIONS = 0x20000,
    CX_QP_FLAG_DEFAULT = 2 | 1 | 4
} cx_qp_flag;

cx_status cx_query_parser_new(cx_query_parser **out, char **message);
void cx_query_parser_free(cx_query_parser *qp);
/** Needed for wildcards, spelling correction and synonyms. The parser keeps
 *  its own reference; `db` may be freed afterwards. */
cx_status cx_query_parser_set_database(cx_query_parser *qp,
                                       const cx_database *db, char **message);
/** Only AND, OR, NEAR, PHRASE, ELITE_SET, SYNONYM and MAX are accepted. */
cx_status cx_query_parser_set_default_op(cx_query_parser *qp, cx_query_op op,
                                         char **message);
cx_status cx_query_parser_add_prefix(cx_query_parser *qp, const char *field,
                                     size_t field_len, const char *prefix,
                                     size_t prefix_len, char **message);
/** `exclusive`: several filters on the same field are ORed (true) or ANDed. */
cx_status cx_query_parser_add_boolean_prefix(cx_query_parser *qp,
                                             const char *field,
                                             size_t field_len,
                                             const char *prefix,
                                             size_t prefix_len, bool exclusive,
                                             char **message);
/** Limits wildcard and partial expansion to the `max_expansion` most frequent
 *  terms (0 = no limit). */
cx_status cx_query_parser_set_max_expansion(cx_query_parser *qp,
                                            uint32_t max_expansion,
                                            char **message);
/** `flags` is a bitwise-or of cx_qp_flag. Returns CX_QUERY_PARSER on a
 *  syntax error. */
cx_status cx_query_parser_parse_query(cx_query_parser *qp, const char *text,
                                      size_t text_len, unsigned flags,
                                      cx_query **out, char **message);
/** After parsing with CX_QP_FLAG_SPELLING_CORRECTION: the corrected query
 *  string, or "" if no correction was made. */
cx_status cx_query_parser_get_corrected_query_string(
    const cx_query_parser *qp, char **out, size_t *out_len, char **message);

/* MARK: - Enquire */

typedef enum cx_docid_order {
    CX_DOCID_ORDER_ASCENDING = 0,
    CX_DOCID_ORDER_DESCENDING,
    CX_DOCID_ORDER_DONT_CARE
} cx_docid_order;

/** The enquire keeps its own reference to `db`. To search a writable
 *  database pass its cx_writable_database_read_view. */
cx_status cx_enquire_new(const cx_database *db, cx_enquire **out,
                         char **message);
/** Also releases the match spies added to it. */
void cx_enquire_free(cx_enquire *enquire);
/** The enquire copies the query; `query` may be freed afterwards. */
cx_status cx_enquire_set_query(cx_enquire *enquire, const cx_query *query,
                               char **message);
/** BM25 with explicit parameters (Xapian's defaults: 1, 0, 1, 0.5, 0.5). */
cx_status cx_enquire_set_weighting_bm25(cx_enquire *enquire, double k1,
                                        double k2, double k3, double b,
                                        double min_normlen, char **message);
cx_status cx_enquire_set_docid_order(cx_enquire *enquire,
                                     cx_docid_order order, char **message);
cx_status cx_enquire_set_sort_by_relevance(cx_enquire *enquire,
                                           char **message);
/** `reverse` false sorts ascending by the value's bytes. */
cx_status cx_enquire_set_sort_by_value(cx_enquire *enquire, uint32_t slot,
                                       bool reverse, char **message);
cx_status cx_enquire_set_sort_by_value_then_relevance(cx_enquire *enquire,
                                                      uint32_t slot,
                                                      bool reverse,
                                                      char **message);
cx_status cx_enquire_set_sort_by_relevance_then_value(cx_enquire *enquire,
                                                      uint32_t slot,
                                                      bool reverse,
                                                      char **message);
/** Keeps at most `collapse_max` matches per distinct value in `slot`.
 *  Pass CX_BAD_VALUENO as the slot to turn collapsing off. */
#define CX_BAD_VALUENO 0xffffffffu
cx_status cx_enquire_set_collapse_key(cx_enquire *enquire, uint32_t slot,
                                      uint32_t collapse_max, char **message);
/** The enquire shares ownership of `spy`, so either may be freed first.
 *  Spies accumulate over every cx_enquire_get_mset call. */
cx_status cx_enquire_add_matchspy(cx_enquire *enquire, cx_matchspy *spy,
                                  char **message);
/** Runs the query. Match spies see at least `checkatleast` matches (pass the
 *  document count to have them see every match, not just this page). */
cx_status cx_enquire_get_mset(cx_enquire *enquire, uint32_t first,
                              uint32_t maxitems, uint32_t checkatleast,
                              cx_mset **out, char **message);

/* MARK: - MSet */

typedef struct cx_match {
    uint32_t docid;
    /** 0-based rank across the whole result set (not the page). */
    uint32_t rank;
    double weight;
    /** 0..100 */
    int32_t percent;
} cx_match;

void cx_mset_free(cx_mset *mset);
/** Number of matches in this page. */
size_t cx_mset_size(const cx_mset *mset);
uint32_t cx_mset_get_matches_estimated(const cx_mset *mset);
uint32_t cx_mset_get_matches_lower_bound(const cx_mset *mset);
uint32_t cx_mset_get_matches_upper_bound(const cx_mset *mset);
/** Matches seen before collapsing, at least: below the check_at_least asked for, every
 *  matching document was examined, so the (collapsed) lower bound is the exact count. */
uint32_t cx_mset_get_uncollapsed_matches_lower_bound(const cx_mset *mset);
/** Match `index` of this page; CX_RANGE if index >= size. */
cx_status cx_mset_get_match(const cx_mset *mset, size_t index, cx_match *out,
                            char **message);
/** The document of match `index`; CX_RANGE if index >= size. */
cx_status cx_mset_get_document(const cx_mset *mset, size_t index,
                               cx_document **out, char **message);

/* MARK: - Match spy */

/** Counts how often each value of `slot` occurs among the matches. */
cx_status cx_matchspy_new_value_count(uint32_t slot, cx_matchspy **out,
                                      char **message);
/** Records the docid of every match it sees, in the order it sees them.
 *  Over a combined database these are each shard's own docids (Xapian hands
 *  spies the shard's document). It cannot be used with a remote database,
 *  whose server does not know it. */
cx_status cx_matchspy_new_docids(cx_matchspy **out, char **message);
void cx_matchspy_free(cx_matchspy *spy);
/** The docids a cx_matchspy_new_docids spy has seen: borrowed, valid until
 *  the spy sees another match or is freed. CX_INVALID_ARGUMENT for another
 *  kind of spy. */
cx_status cx_matchspy_get_docids(const cx_matchspy *spy,
                                 const uint32_t **docids, size_t *count,
                                 char **message);
/** Number of documents the spy has seen (any kind of spy). */
cx_status cx_matchspy_get_total(const cx_matchspy *spy, uint32_t *out,
                                char **message);
/** The `max_values` most frequent values, most frequent first: the
 *  iterator's term is the value and its termfreq the count. Value count
 *  spies only (CX_INVALID_ARGUMENT for another kind). */
cx_status cx_matchspy_top_values(const cx_matchspy *spy, size_t max_values,
                                 cx_term_iterator **out, char **message);

#ifdef __cplusplus
}
#endif

#endif /* CXAPIAN_H */
