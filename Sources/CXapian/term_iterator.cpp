// term_iterator.cpp - one iterator type for allterms, termlists and match spy
// top values, in the notmuch valid/get/next shape.
#include "cxapian_private.h"

using cx::require;

extern "C" bool cx_term_iterator_valid(const cx_term_iterator *it) {
    return it != nullptr && it->it != it->end;
}

namespace {

const cx_term_iterator *require_valid(const cx_term_iterator *it) {
    if (!cx_term_iterator_valid(require(it, "iterator")))
        throw Xapian::InvalidOperationError("term iterator is exhausted");
    return it;
}

}  // namespace

extern "C" cx_status cx_term_iterator_next(cx_term_iterator *it,
                                           char **message) {
    try {
        require_valid(it);
        ++it->it;
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_term_iterator_term(cx_term_iterator *it,
                                           const char **term, size_t *term_len,
                                           char **message) {
    try {
        require_valid(it);
        require(term, "term");
        require(term_len, "term_len");
        it->current = *it->it;
        *term = it->current.data();
        *term_len = it->current.size();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_term_iterator_termfreq(const cx_term_iterator *it,
                                               uint32_t *out, char **message) {
    try {
        *require(out, "out") = require_valid(it)->it.get_termfreq();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_term_iterator_wdf(const cx_term_iterator *it,
                                          uint32_t *out, char **message) {
    try {
        *require(out, "out") = require_valid(it)->it.get_wdf();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" void cx_term_iterator_free(cx_term_iterator *it) { delete it; }
