// database.cpp - read-only databases: local glass, remote (TCP) and combined shards.
#include "cxapian_private.h"

#include <cerrno>
#include <cstdlib>
#include <new>
#include <unordered_map>

#include <fcntl.h>
#include <sys/stat.h>

using cx::require;

// MARK: - Helpers shared with writable_database.cpp

void cx::postlist(const Xapian::Database &db, const std::string &term,
                  uint32_t **docids, size_t *count) {
    require(docids, "docids");
    require(count, "count");
    // Collect into a vector first: termfreq is only an upper bound across
    // shards, so it cannot size the malloc'd array exactly.
    std::vector<uint32_t> ids;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
        ids.push_back(*it);
    uint32_t *array = nullptr;
    if (!ids.empty()) {
        array = static_cast<uint32_t *>(std::malloc(ids.size() * sizeof(uint32_t)));
        if (array == nullptr) throw std::bad_alloc();
        std::copy(ids.begin(), ids.end(), array);
    }
    *docids = array;
    *count = ids.size();
}

cx_term_iterator *cx::allterms(const Xapian::Database &db,
                               const std::string &prefix) {
    return new cx_term_iterator{db.allterms_begin(prefix),
                                db.allterms_end(prefix), {}, nullptr};
}

cx_term_iterator *cx::metadata_keys(const Xapian::Database &db,
                                    const std::string &prefix) {
    return new cx_term_iterator{db.metadata_keys_begin(prefix),
                                db.metadata_keys_end(prefix), {}, nullptr};
}

cx_document *cx::get_document(const Xapian::Database &db, uint32_t docid) {
    return new cx_document{db.get_document(docid)};
}

// MARK: - Opening

extern "C" cx_status cx_database_open(const char *path, size_t path_len,
                                      cx_database **out, char **message) {
    try {
        require(out, "out");
        // Always the glass backend, never auto-detection: auto-detection honours a XAPIANDB
        // stub file, and a stub line `remote :PROGRAM` makes Xapian run PROGRAM.
        std::string p = cx::bytes(path, path_len, "path");
        struct stat st;
        if (::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
            // A single-file glass database (xapian-compact --single-file). Opened by descriptor:
            // that constructor checks the glass magic and cannot read a stub. Xapian owns fd.
            int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                throw Xapian::DatabaseOpeningError("Couldn't open " + p, errno);
            *out = new cx_database{Xapian::Database(fd, Xapian::DB_BACKEND_GLASS)};
        } else {
            *out = new cx_database{Xapian::Database(p, Xapian::DB_BACKEND_GLASS)};
        }
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_open_remote(const char *host, size_t host_len,
                                             unsigned port, unsigned timeout_ms,
                                             unsigned connect_timeout_ms,
                                             cx_database **out,
                                             char **message) {
    try {
        require(out, "out");
        // Despite the useconds_t parameter type, Xapian reads these as
        // milliseconds.
        *out = new cx_database{Xapian::Remote::open(
            cx::bytes(host, host_len, "host"), port, timeout_ms,
            connect_timeout_ms)};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_new_empty(cx_database **out, char **message) {
    try {
        require(out, "out");
        *out = new cx_database{Xapian::Database()};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_add_database(cx_database *db,
                                              const cx_database *shard,
                                              char **message) {
    try {
        require(db, "db");
        require(shard, "shard");
        cx::live(db).add_database(cx::live(shard));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_reopen(cx_database *db, bool *changed,
                                        char **message) {
    try {
        require(db, "db");
        bool result = db->db.reopen();
        if (changed != nullptr) *changed = result;
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_close(cx_database *db, char **message) {
    try {
        require(db, "db")->db.close();
        *db->closed = true;
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" void cx_database_free(cx_database *db) { delete db; }

// MARK: - Reading

extern "C" cx_status cx_database_get_doccount(const cx_database *db,
                                              uint32_t *out, char **message) {
    try {
        *require(out, "out") = cx::live(db).get_doccount();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_get_lastdocid(const cx_database *db,
                                               uint32_t *out, char **message) {
    try {
        *require(out, "out") = cx::live(db).get_lastdocid();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_get_revision(const cx_database *db,
                                              uint64_t *out, char **message) {
    try {
        *require(out, "out") = cx::live(db).get_revision();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_get_uuid(const cx_database *db, char **out,
                                          size_t *out_len, char **message) {
    try {
        cx::copy_out(cx::live(db).get_uuid(), out, out_len);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_get_document(const cx_database *db,
                                              uint32_t docid,
                                              cx_document **out,
                                              char **message) {
    try {
        require(out, "out");
        *out = cx::get_document(cx::live(db), docid);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_term_exists(const cx_database *db,
                                             const char *term, size_t term_len,
                                             bool *out, char **message) {
    try {
        *require(out, "out") = cx::live(db).term_exists(
            cx::bytes(term, term_len, "term"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_get_termfreq(const cx_database *db,
                                              const char *term,
                                              size_t term_len, uint32_t *out,
                                              char **message) {
    try {
        *require(out, "out") = cx::live(db).get_termfreq(
            cx::bytes(term, term_len, "term"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_postlist(const cx_database *db,
                                          const char *term, size_t term_len,
                                          uint32_t **docids, size_t *count,
                                          char **message) {
    try {
        cx::postlist(cx::live(db), cx::bytes(term, term_len, "term"),
                     docids, count);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_value_codes(
    const cx_database *db, uint32_t slot, uint32_t *codes, size_t codes_len,
    char **values, size_t *values_len, uint32_t **ends, size_t *count,
    char **message) {
    try {
        const Xapian::Database &database = cx::live(db);
        if (codes_len > 0) require(codes, "codes");
        require(values, "values");
        require(values_len, "values_len");
        require(ends, "ends");
        require(count, "count");
        std::unordered_map<std::string, uint32_t> numbers;
        std::string bytes;
        std::vector<uint32_t> offsets;
        for (auto it = database.valuestream_begin(slot);
             it != database.valuestream_end(slot); ++it) {
            Xapian::docid did = it.get_docid();
            if (did >= codes_len) continue;
            const std::string value = *it;
            auto found = numbers.find(value);
            if (found == numbers.end()) {
                if (bytes.size() + value.size() > UINT32_MAX)
                    throw Xapian::RangeError("the values take over 4 GB");
                bytes += value;
                offsets.push_back(static_cast<uint32_t>(bytes.size()));
                found = numbers.emplace(value, offsets.size()).first;
            }
            codes[did] = found->second;
        }
        uint32_t *array = nullptr;
        if (!offsets.empty()) {
            array = static_cast<uint32_t *>(
                std::malloc(offsets.size() * sizeof(uint32_t)));
            if (array == nullptr) throw std::bad_alloc();
            std::copy(offsets.begin(), offsets.end(), array);
        }
        try {
            cx::copy_out(bytes, values, values_len);
        } catch (...) {
            std::free(array);
            throw;
        }
        *ends = array;
        *count = offsets.size();
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_allterms(const cx_database *db,
                                          const char *prefix,
                                          size_t prefix_len,
                                          cx_term_iterator **out,
                                          char **message) {
    try {
        require(out, "out");
        *out = cx::allterms(cx::live(db),
                            cx::bytes(prefix, prefix_len, "prefix"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_metadata_keys(const cx_database *db,
                                               const char *prefix,
                                               size_t prefix_len,
                                               cx_term_iterator **out,
                                               char **message) {
    try {
        require(out, "out");
        *out = cx::metadata_keys(cx::live(db),
                                 cx::bytes(prefix, prefix_len, "prefix"));
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_get_spelling_suggestion(
    const cx_database *db, const char *word, size_t word_len,
    unsigned max_edit_distance, char **out, size_t *out_len, char **message) {
    try {
        cx::copy_out(cx::live(db).get_spelling_suggestion(
                         cx::bytes(word, word_len, "word"), max_edit_distance),
                     out, out_len);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_get_metadata(const cx_database *db,
                                              const char *key, size_t key_len,
                                              char **out, size_t *out_len,
                                              char **message) {
    try {
        cx::copy_out(cx::live(db).get_metadata(
                         cx::bytes(key, key_len, "key")),
                     out, out_len);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_database_compact(cx_database *db,
                                         const char *path, size_t path_len,
                                         unsigned flags, char **message) {
    try {
        unsigned xapian_flags = 0;
        if (flags & CX_COMPACT_SINGLE_FILE)
            xapian_flags |= Xapian::DBCOMPACT_SINGLE_FILE;
        cx::live(db).compact(cx::bytes(path, path_len, "path"),
                                      xapian_flags);
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}
