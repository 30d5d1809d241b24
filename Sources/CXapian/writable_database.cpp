// writable_database.cpp - the single writer: documents, transactions,
// metadata, spelling and synonyms, plus the reads an indexer needs.
#include "cxapian_private.h"

#include <cstdlib>
#include <mutex>

using cx::require;

namespace {

int xapian_action(cx_db_mode mode) {
    switch (mode) {
        case CX_DB_CREATE_OR_OPEN: return Xapian::DB_CREATE_OR_OPEN;
        case CX_DB_CREATE_OR_OVERWRITE: return Xapian::DB_CREATE_OR_OVERWRITE;
        case CX_DB_OPEN: return Xapian::DB_OPEN;
    }
    throw Xapian::InvalidArgumentError("unknown cx_db_mode");
}

// Always glass: auto-detection would follow a XAPIANDB stub (see cx_database_open).
const int backend = Xapian::DB_BACKEND_GLASS;

}  // namespace

// MARK: - Lifetime

extern "C" cx_status cx_writable_database_open(const char *path,
                                               size_t path_len,
                                               cx_db_mode mode,
                                               cx_writable_database **out,
                                               char **message) {
    try {
        require(out, "out");
        *out = new cx_writable_database{Xapian::WritableDatabase(
            cx::bytes(path, path_len, "path"), xapian_action(mode) | backend)};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_open_with(const char *path,
                                                    size_t path_len,
                                                    cx_db_mode mode,
                                                    uint32_t flush_documents,
                                                    cx_writable_database **out,
                                                    char **message) {
    // Xapian reads the threshold only from the environment, at open. Other threads may read
    // the environment at any time (Foundation does), and adding or removing a variable can
    // move glibc's environ array under them; overwriting an existing one only swaps a pointer.
    // So the variable is added at most once and never removed: opens are serialised here, and
    // each sets the value it needs. Whether the user exported it is decided at the first call.
    static std::mutex env_lock;
    static const char *name = "XAPIAN_FLUSH_THRESHOLD";
    try {
        require(out, "out");
        std::string p = cx::bytes(path, path_len, "path");
        std::lock_guard<std::mutex> guard(env_lock);
        static const bool user_set = [] {
            const char *v = std::getenv(name);
            return v != nullptr && *v != '\0';
        }();
        if (flush_documents != 0 && !user_set) {
            std::string want = std::to_string(flush_documents);
            const char *now = std::getenv(name);
            if (now == nullptr || want != now) setenv(name, want.c_str(), 1);
        }
        *out = new cx_writable_database{Xapian::WritableDatabase(p, xapian_action(mode) | backend)};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_close(cx_writable_database *db,
                                                char **message) {
    try {
        require(db, "db")->db.close();
        *db->closed = true;
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" void cx_writable_database_free(cx_writable_database *db) {
    // Xapian's destructor commits pending changes (when the last handle, maybe a read view,
    // goes). Commit here first, inside a catch, so a commit that fails (a full disk) is never
    // left for a destructor; during a transaction this throws and the destructor cancels it.
    if (db != nullptr && !*db->closed) {
        try {
            db->db.commit();
        } catch (...) {
        }
    }
    delete db;
}

extern "C" cx_status cx_writable_database_read_view(
    const cx_writable_database *db, cx_database **out, char **message) {
    try {
        require(out, "out");
        // Slicing copy: a Database sharing the writer's internals.
        *out = new cx_database{Xapian::Database(cx::live(db)), db->closed};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

// MARK: - Documents

extern "C" cx_status cx_writable_database_add_document(
    cx_writable_database *db, const cx_document *doc, uint32_t *docid,
    char **message) {
    try {
        Xapian::docid id = cx::live(db).add_document(require(doc, "doc")->doc);
        if (docid != nullptr) *docid = id;
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_replace_document_by_term(
    cx_writable_database *db, const char *unique_term, size_t term_len,
    const cx_document *doc, uint32_t *docid, char **message) {
    try {
        Xapian::docid id = cx::live(db).replace_document(
            cx::bytes(unique_term, term_len, "unique_term"),
            require(doc, "doc")->doc);
        if (docid != nullptr) *docid = id;
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_replace_document(
    cx_writable_database *db, uint32_t docid, const cx_document *doc,
    char **message) {
    try {
        cx::live(db).replace_document(docid, require(doc, "doc")->doc);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_delete_document_by_term(
    cx_writable_database *db, const char *unique_term, size_t term_len,
    char **message) {
    try {
        cx::live(db).delete_document(
            cx::bytes(unique_term, term_len, "unique_term"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_delete_document(
    cx_writable_database *db, uint32_t docid, char **message) {
    try {
        cx::live(db).delete_document(docid);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

// MARK: - Commits and transactions

extern "C" cx_status cx_writable_database_commit(cx_writable_database *db,
                                                 char **message) {
    try {
        cx::live(db).commit();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_begin_transaction(
    cx_writable_database *db, bool flushed, char **message) {
    try {
        cx::live(db).begin_transaction(flushed);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_commit_transaction(
    cx_writable_database *db, char **message) {
    try {
        cx::live(db).commit_transaction();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_cancel_transaction(
    cx_writable_database *db, char **message) {
    try {
        cx::live(db).cancel_transaction();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

// MARK: - Metadata, spelling, synonyms

extern "C" cx_status cx_writable_database_set_metadata(
    cx_writable_database *db, const char *key, size_t key_len,
    const char *value, size_t value_len, char **message) {
    try {
        cx::live(db).set_metadata(cx::bytes(key, key_len, "key"),
                                           cx::bytes(value, value_len, "value"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_get_metadata(
    const cx_writable_database *db, const char *key, size_t key_len,
    char **out, size_t *out_len, char **message) {
    try {
        cx::copy_out(cx::live(db).get_metadata(
                         cx::bytes(key, key_len, "key")),
                     out, out_len);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_add_spelling(
    cx_writable_database *db, const char *word, size_t word_len,
    uint32_t freqinc, char **message) {
    try {
        cx::live(db).add_spelling(cx::bytes(word, word_len, "word"),
                                           freqinc);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

/* Calls `fn` with each word of a batch laid out as for
 * cx_document_add_terms_batch (validated first, so a bad batch changes
 * nothing). */
template <typename Fn>
static void for_each_batch_word(const char *words, size_t words_len,
                                size_t count, Fn fn) {
    std::vector<size_t> lengths = cx::batch_lengths(words, words_len, count);
    std::string word;
    size_t offset = 0;
    for (size_t n : lengths) {
        word.assign(words + offset, n);
        fn(word);
        offset += n + 1;
    }
}

extern "C" cx_status cx_writable_database_add_spellings(
    cx_writable_database *db, const char *words, size_t words_len, size_t count,
    char **message) {
    try {
        auto &w = cx::live(db);
        for_each_batch_word(words, words_len, count,
                            [&](const std::string &word) { w.add_spelling(word, 1); });
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_remove_spellings(
    cx_writable_database *db, const char *words, size_t words_len, size_t count,
    char **message) {
    try {
        auto &w = cx::live(db);
        for_each_batch_word(words, words_len, count,
                            [&](const std::string &word) { w.remove_spelling(word, 1); });
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_add_synonym(
    cx_writable_database *db, const char *term, size_t term_len,
    const char *synonym, size_t synonym_len, char **message) {
    try {
        cx::live(db).add_synonym(
            cx::bytes(term, term_len, "term"),
            cx::bytes(synonym, synonym_len, "synonym"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

// MARK: - Reading

extern "C" cx_status cx_writable_database_get_doccount(
    const cx_writable_database *db, uint32_t *out, char **message) {
    try {
        *require(out, "out") = cx::live(db).get_doccount();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_get_document(
    const cx_writable_database *db, uint32_t docid, cx_document **out,
    char **message) {
    try {
        require(out, "out");
        *out = cx::get_document(cx::live(db), docid);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_term_exists(
    const cx_writable_database *db, const char *term, size_t term_len,
    bool *out, char **message) {
    try {
        *require(out, "out") = cx::live(db).term_exists(
            cx::bytes(term, term_len, "term"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_postlist(
    const cx_writable_database *db, const char *term, size_t term_len,
    uint32_t **docids, size_t *count, char **message) {
    try {
        cx::postlist(cx::live(db), cx::bytes(term, term_len, "term"),
                     docids, count);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_allterms(
    const cx_writable_database *db, const char *prefix, size_t prefix_len,
    cx_term_iterator **out, char **message) {
    try {
        require(out, "out");
        *out = cx::allterms(cx::live(db),
                            cx::bytes(prefix, prefix_len, "prefix"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_writable_database_metadata_keys(
    const cx_writable_database *db, const char *prefix, size_t prefix_len,
    cx_term_iterator **out, char **message) {
    try {
        require(out, "out");
        *out = cx::metadata_keys(cx::live(db),
                                 cx::bytes(prefix, prefix_len, "prefix"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}
