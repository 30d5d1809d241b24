// cxapian_private.h - handle layouts and the helpers every entry point shares.
// Each handle owns a Xapian value object; those are reference-counted handles
// onto shared internals, which is why children can outlive their parents.
#ifndef CXAPIAN_PRIVATE_H
#define CXAPIAN_PRIVATE_H

#include "cxapian.h"

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

// Xapian answers some calls (e.g. get_doccount) from cached statistics after
// close(); this flag makes every call on a closed handle fail alike. A writer
// shares it with its read views, since closing one closes the other.
using cx_closed_flag = std::shared_ptr<bool>;

struct cx_database {
    Xapian::Database db;
    cx_closed_flag closed = std::make_shared<bool>(false);
};

struct cx_writable_database {
    Xapian::WritableDatabase db;
    cx_closed_flag closed = std::make_shared<bool>(false);
};

struct cx_document {
    Xapian::Document doc;
};

struct cx_term_iterator {
    Xapian::TermIterator it;
    Xapian::TermIterator end;
    // Backing store for the borrowed pointer cx_term_iterator_term returns.
    std::string current;
    // Keeps the source (e.g. a match spy) alive for as long as we iterate.
    std::shared_ptr<const void> keepalive;
};

struct cx_query {
    Xapian::Query query;
};

namespace cx {
// What the posting sources of one deadline share (they are cloned per shard).
struct DeadlineState {
    std::chrono::steady_clock::time_point at;
    std::atomic<bool> stopped{false};
};
}  // namespace cx

struct cx_deadline {
    std::shared_ptr<cx::DeadlineState> state;
};

struct cx_query_parser {
    Xapian::QueryParser qp;
};

namespace cx {
// Keeps the docid of each match; what it costs per match is one push_back,
// where a value count spy reads a value (a B-tree lookup) per match.
class DocidCollector : public Xapian::MatchSpy {
  public:
    std::vector<Xapian::docid> docids;
    void operator()(const Xapian::Document &doc, double) override {
        docids.push_back(doc.get_docid());
    }
};
}  // namespace cx

struct cx_matchspy {
    // The spy the enquire is given; `counts` or `docids` is the same object
    // seen as its kind.
    std::shared_ptr<Xapian::MatchSpy> spy;
    std::shared_ptr<Xapian::ValueCountMatchSpy> counts;
    std::shared_ptr<cx::DocidCollector> docids;
};

struct cx_enquire {
    // Declared before `enquire` so it is destroyed after it: Xapian::Enquire
    // stores raw pointers to the spies, and these shared_ptrs own them.
    std::vector<std::shared_ptr<Xapian::MatchSpy>> spies;
    Xapian::Enquire enquire;

    explicit cx_enquire(const Xapian::Database &db) : enquire(db) {}
};

struct cx_mset {
    Xapian::MSet mset;
};

// Rethrows the exception being handled and classifies it, most specific
// first, copying its text to *message. Call only from inside a catch block.
cx_status cx_status_from_current_exception(char **message) noexcept;

namespace cx {

// Throws Xapian::InvalidArgumentError if `p` is NULL, so a bad pointer from
// the caller becomes CX_INVALID_ARGUMENT instead of a crash.
template <typename T>
inline T *require(T *p, const char *what) {
    if (p == nullptr)
        throw Xapian::InvalidArgumentError(std::string(what) + " is NULL");
    return p;
}

// The Xapian database of a handle that has not been closed; throws
// InvalidArgumentError for NULL and DatabaseClosedError after close.
template <typename Handle>
inline auto &live(Handle *handle) {
    require(handle, "db");
    if (*handle->closed)
        throw Xapian::DatabaseClosedError("Database has been closed");
    return handle->db;
}

// Bytes in: NULL is allowed only with length 0.
std::string bytes(const char *p, size_t len, const char *what);

// A batch of `count` non-empty NUL-terminated strings back to back in
// `len` bytes (the terminators included): the length of each, after checking
// the whole buffer, so a malformed batch throws InvalidArgumentError before
// anything is changed.
std::vector<size_t> batch_lengths(const char *p, size_t len, size_t count);

// Bytes out: malloc'd, NUL-terminated copy; throws std::bad_alloc.
void copy_out(const std::string &s, char **out, size_t *out_len);

// cx_query_op to Xapian's operator; InvalidArgumentError if unknown.
Xapian::Query::op query_op(cx_query_op op);

// Read operations shared by cx_database and cx_writable_database.
void postlist(const Xapian::Database &db, const std::string &term,
              uint32_t **docids, size_t *count);
cx_term_iterator *allterms(const Xapian::Database &db,
                           const std::string &prefix);
/** The user metadata keys starting with `prefix`, in byte order (no termfreq). */
cx_term_iterator *metadata_keys(const Xapian::Database &db,
                                const std::string &prefix);
cx_document *get_document(const Xapian::Database &db, uint32_t docid);

}  // namespace cx

#endif
