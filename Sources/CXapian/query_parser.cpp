// query_parser.cpp - user query strings to queries; syntax errors come back
// as CX_QUERY_PARSER.
#include "cxapian_private.h"

using cx::require;

extern "C" cx_status cx_query_parser_new(cx_query_parser **out,
                                         char **message) {
    try {
        require(out, "out");
        *out = new cx_query_parser{Xapian::QueryParser()};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" void cx_query_parser_free(cx_query_parser *qp) { delete qp; }

extern "C" cx_status cx_query_parser_set_database(cx_query_parser *qp,
                                                  const cx_database *db,
                                                  char **message) {
    try {
        require(qp, "qp")->qp.set_database(cx::live(db));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_parser_set_default_op(cx_query_parser *qp,
                                                    cx_query_op op,
                                                    char **message) {
    try {
        // Xapian itself rejects operators that make no sense as a default.
        require(qp, "qp")->qp.set_default_op(cx::query_op(op));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_parser_add_prefix(cx_query_parser *qp,
                                                const char *field,
                                                size_t field_len,
                                                const char *prefix,
                                                size_t prefix_len,
                                                char **message) {
    try {
        require(qp, "qp")->qp.add_prefix(cx::bytes(field, field_len, "field"),
                                         cx::bytes(prefix, prefix_len, "prefix"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_parser_add_boolean_prefix(
    cx_query_parser *qp, const char *field, size_t field_len,
    const char *prefix, size_t prefix_len, bool exclusive, char **message) {
    try {
        require(qp, "qp")->qp.add_boolean_prefix(
            cx::bytes(field, field_len, "field"),
            cx::bytes(prefix, prefix_len, "prefix"), exclusive);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_parser_set_max_expansion(cx_query_parser *qp,
                                                       uint32_t max_expansion,
                                                       char **message) {
    try {
        // Same policy as cx_query_new_wildcard: keep the most frequent
        // expansions rather than failing the query.
        require(qp, "qp")->qp.set_max_expansion(
            max_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
            Xapian::QueryParser::FLAG_WILDCARD |
                Xapian::QueryParser::FLAG_PARTIAL);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_parser_parse_query(cx_query_parser *qp,
                                                 const char *text,
                                                 size_t text_len,
                                                 unsigned flags,
                                                 cx_query **out,
                                                 char **message) {
    try {
        require(qp, "qp");
        require(out, "out");
        // cx_qp_flag values equal Xapian's feature_flag values.
        *out = new cx_query{qp->qp.parse_query(cx::bytes(text, text_len, "text"),
                                               flags)};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_query_parser_get_corrected_query_string(
    const cx_query_parser *qp, char **out, size_t *out_len, char **message) {
    try {
        cx::copy_out(require(qp, "qp")->qp.get_corrected_query_string(), out,
                     out_len);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}
