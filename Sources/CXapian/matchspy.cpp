// matchspy.cpp - value counts over all matches (facets such as issuing
// agency or year), not just the returned page.
#include "cxapian_private.h"

using cx::require;

extern "C" cx_status cx_matchspy_new_value_count(uint32_t slot,
                                                 cx_matchspy **out,
                                                 char **message) {
    try {
        require(out, "out");
        auto counts = std::make_shared<Xapian::ValueCountMatchSpy>(slot);
        *out = new cx_matchspy{counts, counts, nullptr};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_matchspy_new_docids(cx_matchspy **out,
                                            char **message) {
    try {
        require(out, "out");
        auto docids = std::make_shared<cx::DocidCollector>();
        *out = new cx_matchspy{docids, nullptr, docids};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_matchspy_get_docids(const cx_matchspy *spy,
                                            const uint32_t **docids,
                                            size_t *count, char **message) {
    try {
        require(docids, "docids");
        require(count, "count");
        const auto &collector = require(spy, "spy")->docids;
        if (!collector)
            throw Xapian::InvalidArgumentError("not a docid spy");
        *docids = collector->docids.data();
        *count = collector->docids.size();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" void cx_matchspy_free(cx_matchspy *spy) { delete spy; }

extern "C" cx_status cx_matchspy_get_total(const cx_matchspy *spy,
                                           uint32_t *out, char **message) {
    try {
        const cx_matchspy *s = require(spy, "spy");
        *require(out, "out") =
            s->counts ? s->counts->get_total() : s->docids->docids.size();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_matchspy_top_values(const cx_matchspy *spy,
                                            size_t max_values,
                                            cx_term_iterator **out,
                                            char **message) {
    try {
        require(spy, "spy");
        require(out, "out");
        const auto &counts = spy->counts;
        if (!counts)
            throw Xapian::InvalidArgumentError("not a value count spy");
        *out = new cx_term_iterator{counts->top_values_begin(max_values),
                                    counts->top_values_end(max_values), {},
                                    counts};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}
