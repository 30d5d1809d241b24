// enquire.cpp - running a query: weighting, ordering, collapsing, match spies.
#include "cxapian_private.h"

using cx::require;

extern "C" cx_status cx_enquire_new(const cx_database *db, cx_enquire **out,
                                    char **message) {
    try {
        require(out, "out");
        *out = new cx_enquire(cx::live(db));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" void cx_enquire_free(cx_enquire *enquire) { delete enquire; }

extern "C" cx_status cx_enquire_set_query(cx_enquire *enquire,
                                          const cx_query *query,
                                          char **message) {
    try {
        require(enquire, "enquire")->enquire.set_query(
            require(query, "query")->query);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_enquire_set_weighting_bm25(cx_enquire *enquire,
                                                   double k1, double k2,
                                                   double k3, double b,
                                                   double min_normlen,
                                                   char **message) {
    try {
        require(enquire, "enquire")->enquire.set_weighting_scheme(
            Xapian::BM25Weight(k1, k2, k3, b, min_normlen));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_enquire_set_docid_order(cx_enquire *enquire,
                                                cx_docid_order order,
                                                char **message) {
    try {
        require(enquire, "enquire");
        Xapian::Enquire::docid_order xapian_order;
        switch (order) {
            case CX_DOCID_ORDER_ASCENDING:
                xapian_order = Xapian::Enquire::ASCENDING;
                break;
            case CX_DOCID_ORDER_DESCENDING:
                xapian_order = Xapian::Enquire::DESCENDING;
                break;
            case CX_DOCID_ORDER_DONT_CARE:
                xapian_order = Xapian::Enquire::DONT_CARE;
                break;
            default:
                throw Xapian::InvalidArgumentError("unknown cx_docid_order");
        }
        enquire->enquire.set_docid_order(xapian_order);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_enquire_set_sort_by_relevance(cx_enquire *enquire,
                                                      char **message) {
    try {
        require(enquire, "enquire")->enquire.set_sort_by_relevance();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_enquire_set_sort_by_value(cx_enquire *enquire,
                                                  uint32_t slot, bool reverse,
                                                  char **message) {
    try {
        require(enquire, "enquire")->enquire.set_sort_by_value(slot, reverse);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_enquire_set_sort_by_value_then_relevance(
    cx_enquire *enquire, uint32_t slot, bool reverse, char **message) {
    try {
        require(enquire, "enquire")->enquire.set_sort_by_value_then_relevance(
            slot, reverse);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_enquire_set_sort_by_relevance_then_value(
    cx_enquire *enquire, uint32_t slot, bool reverse, char **message) {
    try {
        require(enquire, "enquire")->enquire.set_sort_by_relevance_then_value(
            slot, reverse);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_enquire_set_collapse_key(cx_enquire *enquire,
                                                 uint32_t slot,
                                                 uint32_t collapse_max,
                                                 char **message) {
    try {
        require(enquire, "enquire")->enquire.set_collapse_key(slot,
                                                              collapse_max);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_enquire_add_matchspy(cx_enquire *enquire,
                                             cx_matchspy *spy,
                                             char **message) {
    try {
        require(enquire, "enquire");
        require(spy, "spy");
        // Own a reference first, so Xapian's raw pointer can never dangle.
        enquire->spies.push_back(spy->spy);
        try {
            enquire->enquire.add_matchspy(spy->spy.get());
        } catch (...) {
            enquire->spies.pop_back();
            throw;
        }
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_enquire_get_mset(cx_enquire *enquire, uint32_t first,
                                         uint32_t maxitems,
                                         uint32_t checkatleast, cx_mset **out,
                                         char **message) {
    try {
        require(enquire, "enquire");
        require(out, "out");
        *out = new cx_mset{
            enquire->enquire.get_mset(first, maxitems, checkatleast)};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}
