// document.cpp - documents: data, values and terms, including the batch call
// that adds a whole document's terms in one crossing from Swift.
#include "cxapian_private.h"

#include <cstring>

using cx::require;

extern "C" cx_status cx_document_new(cx_document **out, char **message) {
    try {
        require(out, "out");
        *out = new cx_document{Xapian::Document()};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" void cx_document_free(cx_document *doc) { delete doc; }

extern "C" uint32_t cx_document_get_docid(const cx_document *doc) {
    return doc == nullptr ? 0 : doc->doc.get_docid();
}

// MARK: - Data and values

extern "C" cx_status cx_document_get_data(const cx_document *doc, char **out,
                                          size_t *out_len, char **message) {
    try {
        cx::copy_out(require(doc, "doc")->doc.get_data(), out, out_len);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_document_set_data(cx_document *doc, const char *data,
                                          size_t data_len, char **message) {
    try {
        require(doc, "doc")->doc.set_data(cx::bytes(data, data_len, "data"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_document_get_value(const cx_document *doc,
                                           uint32_t slot, char **out,
                                           size_t *out_len, char **message) {
    try {
        cx::copy_out(require(doc, "doc")->doc.get_value(slot), out, out_len);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_document_set_value(cx_document *doc, uint32_t slot,
                                           const char *value, size_t value_len,
                                           char **message) {
    try {
        require(doc, "doc")->doc.add_value(slot,
                                           cx::bytes(value, value_len, "value"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

// MARK: - Terms

extern "C" cx_status cx_document_add_term(cx_document *doc, const char *term,
                                          size_t term_len, uint32_t wdfinc,
                                          char **message) {
    try {
        require(doc, "doc")->doc.add_term(cx::bytes(term, term_len, "term"),
                                          wdfinc);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_document_add_boolean_term(cx_document *doc,
                                                  const char *term,
                                                  size_t term_len,
                                                  char **message) {
    try {
        require(doc, "doc")->doc.add_boolean_term(
            cx::bytes(term, term_len, "term"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_document_add_posting(cx_document *doc,
                                             const char *term, size_t term_len,
                                             uint32_t pos, uint32_t wdfinc,
                                             char **message) {
    try {
        require(doc, "doc")->doc.add_posting(cx::bytes(term, term_len, "term"),
                                             pos, wdfinc);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_document_remove_term(cx_document *doc,
                                             const char *term, size_t term_len,
                                             char **message) {
    try {
        require(doc, "doc")->doc.remove_term(cx::bytes(term, term_len, "term"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_document_clear_terms(cx_document *doc,
                                             char **message) {
    try {
        require(doc, "doc")->doc.clear_terms();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_document_add_terms_batch(cx_document *doc,
                                                 const char *terms,
                                                 size_t terms_len,
                                                 const uint32_t *positions,
                                                 size_t count,
                                                 uint32_t wdf_inc,
                                                 char **message) {
    try {
        require(doc, "doc");
        std::vector<size_t> lengths = cx::batch_lengths(terms, terms_len, count);
        std::string term;
        size_t offset = 0;
        for (size_t i = 0; i < count; ++i) {
            size_t len = lengths[i];
            term.assign(terms + offset, len);
            offset += len + 1;
            uint32_t pos = positions == nullptr ? 0 : positions[i];
            if (pos == 0)
                doc->doc.add_term(term, wdf_inc);
            else
                doc->doc.add_posting(term, pos, wdf_inc);
        }
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_document_termlist(const cx_document *doc,
                                          cx_term_iterator **out,
                                          char **message) {
    try {
        require(doc, "doc");
        require(out, "out");
        *out = new cx_term_iterator{doc->doc.termlist_begin(),
                                    doc->doc.termlist_end(), {}, nullptr};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}
