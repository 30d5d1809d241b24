// query.cpp - building queries by hand (the query parser makes them too).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>
#include "cxapian_private.h"

using cx::require;

// Explicit mapping rather than a cast: cx_query_op is not numbered like
// Xapian::Query::op, which also has non-combining operators.
Xapian::Query::op cx::query_op(cx_query_op op) {
    switch (op) {
        case CX_QUERY_OP_AND: return Xapian::Query::OP_AND;
        case CX_QUERY_OP_OR: return Xapian::Query::OP_OR;
        case CX_QUERY_OP_AND_NOT: return Xapian::Query::OP_AND_NOT;
        case CX_QUERY_OP_XOR: return Xapian::Query::OP_XOR;
        case CX_QUERY_OP_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
        case CX_QUERY_OP_FILTER: return Xapian::Query::OP_FILTER;
        case CX_QUERY_OP_NEAR: return Xapian::Query::OP_NEAR;
        case CX_QUERY_OP_PHRASE: return Xapian::Query::OP_PHRASE;
        case CX_QUERY_OP_ELITE_SET: return Xapian::Query::OP_ELITE_SET;
        case CX_QUERY_OP_SYNONYM: return Xapian::Query::OP_SYNONYM;
        case CX_QUERY_OP_MAX: return Xapian::Query::OP_MAX;
    }
    throw Xapian::InvalidArgumentError("unknown cx_query_op");
}

namespace {

// Every constructor below ends the same way.
cx_status emit(Xapian::Query &&query, cx_query **out) {
    *out = new cx_query{std::move(query)};
    return CX_OK;
}

}  // namespace

extern "C" cx_status cx_query_new_term(const char *term, size_t term_len,
                                       uint32_t wqf, uint32_t pos,
                                       cx_query **out, char **message) {
    try {
        require(out, "out");
        return emit(Xapian::Query(cx::bytes(term, term_len, "term"), wqf, pos),
                    out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_new_combine(cx_query_op op,
                                          const cx_query *const *subqueries,
                                          size_t count, uint32_t parameter,
                                          cx_query **out, char **message) {
    try {
        require(out, "out");
        if (count != 0) require(subqueries, "subqueries");
        std::vector<Xapian::Query> subs;
        subs.reserve(count);
        for (size_t i = 0; i < count; ++i)
            subs.push_back(require(subqueries[i], "subquery")->query);
        return emit(Xapian::Query(cx::query_op(op), subs.begin(), subs.end(),
                                  parameter),
                    out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_new_scale_weight(const cx_query *query,
                                               double factor, cx_query **out,
                                               char **message) {
    try {
        require(out, "out");
        return emit(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                  require(query, "query")->query, factor),
                    out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_new_value_range(uint32_t slot, const char *lo,
                                              size_t lo_len, const char *hi,
                                              size_t hi_len, cx_query **out,
                                              char **message) {
    try {
        require(out, "out");
        return emit(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot,
                                  cx::bytes(lo, lo_len, "lo"),
                                  cx::bytes(hi, hi_len, "hi")),
                    out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_new_value_ge(uint32_t slot, const char *lo,
                                           size_t lo_len, cx_query **out,
                                           char **message) {
    try {
        require(out, "out");
        return emit(Xapian::Query(Xapian::Query::OP_VALUE_GE, slot,
                                  cx::bytes(lo, lo_len, "lo")),
                    out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_new_value_le(uint32_t slot, const char *hi,
                                           size_t hi_len, cx_query **out,
                                           char **message) {
    try {
        require(out, "out");
        return emit(Xapian::Query(Xapian::Query::OP_VALUE_LE, slot,
                                  cx::bytes(hi, hi_len, "hi")),
                    out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_new_wildcard(const char *pattern,
                                           size_t pattern_len,
                                           uint32_t max_expansion,
                                           cx_query **out, char **message) {
    try {
        require(out, "out");
        // MOST_FREQUENT: a broad prefix narrows to useful terms instead of
        // failing the whole search with a WildcardError.
        return emit(Xapian::Query(Xapian::Query::OP_WILDCARD,
                                  cx::bytes(pattern, pattern_len, "pattern"),
                                  max_expansion,
                                  Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT),
                    out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_new_match_all(cx_query **out, char **message) {
    try {
        require(out, "out");
        return emit(Xapian::Query(Xapian::Query::MatchAll), out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_new_fixed_weight(double weight, cx_query **out,
                                               char **message) {
    try {
        require(out, "out");
        if (!(weight >= 0) || !std::isfinite(weight)) {
            throw Xapian::InvalidArgumentError("fixed weight must be finite and >= 0");
        }
        // The query owns the source (release()), so no handle outlives it.
        Xapian::PostingSource *source = new Xapian::FixedWeightPostingSource(weight);
        return emit(Xapian::Query(source->release()), out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

namespace {

// Docids in runs of `run` (1, 2, …, run; run+1, …), taking the runs whose mixed hash is `residue`
// modulo `modulus`, up to the shard's last docid. Hashed, not d % modulus: files are often indexed
// in a repeating order (one folder per month, a generator cycling through templates), and every
// 50th document can be the same kind. Runs longer than 1 let a reader of values visit a few value
// chunks instead of every one. It may name a deleted docid; it is only ever a filter, so such a
// docid matches nothing.
class DocidSample final : public Xapian::PostingSource {
    uint64_t modulus, residue, run;
    uint64_t current = 0, last = 0;
    Xapian::doccount count = 0;

    static uint64_t mix(uint64_t x) {  // splitmix64's finaliser
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    // Which of the `modulus` parts x's hash falls in: the hash scaled to [0, modulus) by a
    // multiplication (Lemire's reduction), not a division, which cost more than the hash itself
    // here, where every docid up to the next sampled one is tried.
    uint64_t part(uint64_t x) const {
        return uint64_t((static_cast<unsigned __int128>(mix(x)) * modulus) >> 64);
    }
    // The first sampled docid >= from (past `last` when there is none).
    void advance(uint64_t from) {
        current = from == 0 ? 1 : from;
        if (run == 1) {
            while (current <= last && part(current) != residue) ++current;
            return;
        }
        while (current <= last) {
            uint64_t r = (current - 1) / run;
            if (part(r) == residue) return;
            current = (r + 1) * run + 1;
        }
    }

  public:
    DocidSample(uint32_t m, uint32_t r, uint32_t n) : modulus(m), residue(r % m), run(n) {}

    Xapian::PostingSource *clone() const override {
        return new DocidSample(uint32_t(modulus), uint32_t(residue), uint32_t(run));
    }
    void init(const Xapian::Database &db) override {
        last = db.get_lastdocid();
        count = db.get_doccount();
        current = 0;
        set_maxweight(0);
    }
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override {
        return Xapian::doccount(count / modulus);
    }
    Xapian::doccount get_termfreq_max() const override { return count; }
    Xapian::docid get_docid() const override { return Xapian::docid(current); }
    bool at_end() const override { return current > last; }
    void next(double) override { advance(current + 1); }
    void skip_to(Xapian::docid did, double) override {
        if (did > current) advance(did);
    }
    std::string get_description() const override {
        return "DocidSample(" + std::to_string(residue) + " mod " + std::to_string(modulus) +
               ", runs of " + std::to_string(run) + ")";
    }
};

// Every docid, with no weight, until the deadline: filtering by it ends a match
// there. Its frequency is given as the database's, so an AND tries it last, on
// the documents the rest of the query already matched.
class Until final : public Xapian::PostingSource {
    std::shared_ptr<cx::DeadlineState> state;
    Xapian::docid current = 0, last = 0;
    Xapian::doccount count = 0;
    unsigned tries = 0;
    bool ended = false;

    // Reading the clock costs about as much as trying a document; every 256th does.
    void check_clock() {
        // The first try reads it too, so a deadline already passed ends the match at once.
        if (++tries != 1 && (tries & 255) != 0) return;
        if (std::chrono::steady_clock::now() < state->at) return;
        ended = true;
        state->stopped.store(true, std::memory_order_relaxed);
    }

  public:
    explicit Until(std::shared_ptr<cx::DeadlineState> s) : state(std::move(s)) {}

    Xapian::PostingSource *clone() const override { return new Until(state); }
    void init(const Xapian::Database &db) override {
        last = db.get_lastdocid();
        count = db.get_doccount();
        current = 0;
        tries = 0;
        ended = false;
        set_maxweight(0);
    }
    // Every document, until the deadline: a lower bound under `count` made Xapian's bounds of a
    // complete match differ, and its exact totals look like estimates.
    Xapian::doccount get_termfreq_min() const override { return count; }
    Xapian::doccount get_termfreq_est() const override { return count; }
    Xapian::doccount get_termfreq_max() const override { return count; }
    Xapian::docid get_docid() const override { return current; }
    bool at_end() const override { return ended || current > last; }
    void next(double) override {
        ++current;
        check_clock();
    }
    void skip_to(Xapian::docid did, double) override {
        if (did > current) current = did;
        check_clock();
    }
    std::string get_description() const override { return "Until(deadline)"; }
};

}  // namespace

extern "C" cx_status cx_query_new_docid_sample(uint32_t modulus, uint32_t residue,
                                               uint32_t run, cx_query **out,
                                               char **message) {
    try {
        require(out, "out");
        if (modulus == 0) throw Xapian::InvalidArgumentError("sample modulus must be >= 1");
        if (run == 0) throw Xapian::InvalidArgumentError("sample run must be >= 1");
        Xapian::PostingSource *source = new DocidSample(modulus, residue, run);
        return emit(Xapian::Query(source->release()), out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_deadline_new(double seconds, cx_deadline **out,
                                     char **message) {
    try {
        require(out, "out");
        if (!std::isfinite(seconds) || seconds < 0)
            throw Xapian::InvalidArgumentError("a deadline must be a finite number of seconds >= 0");
        // Past about 30 years a steady_clock time point would overflow; no search needs more.
        seconds = std::min(seconds, 1e9);
        auto state = std::make_shared<cx::DeadlineState>();
        state->at = std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double>(seconds));
        *out = new cx_deadline{std::move(state)};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" bool cx_deadline_stopped_a_match(const cx_deadline *deadline) {
    return deadline && deadline->state->stopped.load(std::memory_order_relaxed);
}

extern "C" void cx_deadline_free(cx_deadline *deadline) { delete deadline; }

extern "C" cx_status cx_query_new_until(const cx_deadline *deadline, cx_query **out,
                                        char **message) {
    try {
        require(out, "out");
        require(deadline, "deadline");
        Xapian::PostingSource *source = new Until(deadline->state);
        return emit(Xapian::Query(source->release()), out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_new_match_nothing(cx_query **out,
                                                char **message) {
    try {
        require(out, "out");
        return emit(Xapian::Query(Xapian::Query::MatchNothing), out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

namespace {
// The part of `query` that decides which documents match. AND_MAYBE's optional side and weight
// scaling only weigh; without them, the ANDs, FILTERs and phrases left flatten into one AND with
// a query that filters them (Xapian 1.4 merges AND-like subqueries), so a phrase's positions are
// read only for documents every other part accepts. Other operators are rebuilt around their
// changed subqueries; a subtree with nothing to drop is kept as it is.
Xapian::Query matching_part(const Xapian::Query &query, bool &changed) {
    switch (query.get_type()) {
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_SCALE_WEIGHT: {
            changed = true;
            bool ignored = false;
            return matching_part(query.get_subquery(0), ignored);
        }
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX: {
            std::vector<Xapian::Query> subs;
            bool any = false;
            for (size_t i = 0; i < query.get_num_subqueries(); ++i)
                subs.push_back(matching_part(query.get_subquery(i), any));
            if (!any) return query;
            changed = true;
            return Xapian::Query(query.get_type(), subs.begin(), subs.end());
        }
        default:
            return query;
    }
}
}  // namespace

extern "C" cx_status cx_query_new_matching_part(const cx_query *query,
                                                cx_query **out,
                                                char **message) {
    try {
        require(out, "out");
        bool changed = false;
        return emit(matching_part(require(query, "query")->query, changed), out);
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_get_description(const cx_query *query,
                                              char **out, size_t *out_len,
                                              char **message) {
    try {
        cx::copy_out(require(query, "query")->query.get_description(), out,
                     out_len);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" bool cx_query_is_empty(const cx_query *query) {
    return query == nullptr || query->query.empty();
}

extern "C" void cx_query_free(cx_query *query) { delete query; }
