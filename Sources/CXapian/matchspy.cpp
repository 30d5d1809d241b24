// matchspy.cpp - value counts over all matches (facets such as issuing
// agency or year), not just the returned page.
#include "cxapian_private.h"

using cx::require;

extern "C" cx_status cx_matchspy_new_value_count(uint32_t slot,
                                                 cx_matchspy **out,
                                                 char **message) {
    try {
        require(out, "out");
        *out = new cx_matchspy{std::make_shared<Xapian::ValueCountMatchSpy>(slot)};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" void cx_matchspy_free(cx_matchspy *spy) { delete spy; }

extern "C" cx_status cx_matchspy_get_total(const cx_matchspy *spy,
                                           uint32_t *out, char **message) {
    try {
        *require(out, "out") = require(spy, "spy")->spy->get_total();
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
        *out = new cx_term_iterator{spy->spy->top_values_begin(max_values),
                                    spy->spy->top_values_end(max_values), {},
                                    spy->spy};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}
