// status.cpp - the one place a C++ exception becomes a cx_status, plus the
// small helpers for strings crossing the boundary.
#include "cxapian_private.h"

#include <cstdlib>
#include <cstring>
#include <new>

namespace {

// Never throws: a message that cannot be allocated is simply left NULL.
void set_message(char **message, const char *text, size_t len) noexcept {
    if (message == nullptr) return;
    char *copy = static_cast<char *>(std::malloc(len + 1));
    if (copy == nullptr) {
        *message = nullptr;
        return;
    }
    std::memcpy(copy, text, len);
    copy[len] = '\0';
    *message = copy;
}

void set_message(char **message, const char *text) noexcept {
    set_message(message, text, std::strlen(text));
}

// get_msg() plus the context (e.g. a remote address) and errno text when
// Xapian supplies them; the type is already carried by the status.
cx_status fail(cx_status status, const Xapian::Error &e,
               char **message) noexcept {
    if (message == nullptr) return status;
    try {
        std::string text = e.get_msg();
        if (!e.get_context().empty()) text += " (context: " + e.get_context() + ")";
        if (const char *err = e.get_error_string()) {
            text += ": ";
            text += err;
        }
        set_message(message, text.data(), text.size());
    } catch (...) {
        set_message(message, "(no memory for the error message)");
    }
    return status;
}

}  // namespace

cx_status cx_status_from_current_exception(char **message) noexcept {
    try {
        throw;
    } catch (const Xapian::DatabaseLockError &e) {
        return fail(CX_DATABASE_LOCK, e, message);
    } catch (const Xapian::DatabaseNotFoundError &e) {
        return fail(CX_DATABASE_NOT_FOUND, e, message);
    } catch (const Xapian::DatabaseVersionError &e) {
        return fail(CX_DATABASE_VERSION, e, message);
    } catch (const Xapian::DatabaseOpeningError &e) {
        return fail(CX_DATABASE_OPENING, e, message);
    } catch (const Xapian::DatabaseCorruptError &e) {
        return fail(CX_DATABASE_CORRUPT, e, message);
    } catch (const Xapian::DatabaseModifiedError &e) {
        return fail(CX_DATABASE_MODIFIED, e, message);
    } catch (const Xapian::DatabaseError &e) {
        return fail(CX_DATABASE_ERROR, e, message);
    } catch (const Xapian::QueryParserError &e) {
        return fail(CX_QUERY_PARSER, e, message);
    } catch (const Xapian::InvalidArgumentError &e) {
        return fail(CX_INVALID_ARGUMENT, e, message);
    } catch (const Xapian::InvalidOperationError &e) {
        return fail(CX_INVALID_OPERATION, e, message);
    } catch (const Xapian::NetworkTimeoutError &e) {
        return fail(CX_NETWORK_TIMEOUT, e, message);
    } catch (const Xapian::NetworkError &e) {
        return fail(CX_NETWORK, e, message);
    } catch (const Xapian::DocNotFoundError &e) {
        return fail(CX_DOC_NOT_FOUND, e, message);
    } catch (const Xapian::RangeError &e) {
        return fail(CX_RANGE, e, message);
    } catch (const Xapian::Error &e) {
        return fail(CX_XAPIAN_OTHER, e, message);
    } catch (const std::bad_alloc &) {
        set_message(message, "out of memory");
        return CX_NO_MEMORY;
    } catch (const std::exception &e) {
        set_message(message, e.what());
        return CX_STD_EXCEPTION;
    } catch (...) {
        set_message(message, "unknown exception");
        return CX_UNKNOWN;
    }
}

extern "C" const char *cx_status_to_string(cx_status status) {
    switch (status) {
        case CX_OK: return "CX_OK";
        case CX_DATABASE_LOCK: return "CX_DATABASE_LOCK";
        case CX_DATABASE_NOT_FOUND: return "CX_DATABASE_NOT_FOUND";
        case CX_DATABASE_OPENING: return "CX_DATABASE_OPENING";
        case CX_DATABASE_CORRUPT: return "CX_DATABASE_CORRUPT";
        case CX_DATABASE_VERSION: return "CX_DATABASE_VERSION";
        case CX_DATABASE_MODIFIED: return "CX_DATABASE_MODIFIED";
        case CX_DATABASE_ERROR: return "CX_DATABASE_ERROR";
        case CX_QUERY_PARSER: return "CX_QUERY_PARSER";
        case CX_INVALID_ARGUMENT: return "CX_INVALID_ARGUMENT";
        case CX_INVALID_OPERATION: return "CX_INVALID_OPERATION";
        case CX_NETWORK: return "CX_NETWORK";
        case CX_NETWORK_TIMEOUT: return "CX_NETWORK_TIMEOUT";
        case CX_DOC_NOT_FOUND: return "CX_DOC_NOT_FOUND";
        case CX_RANGE: return "CX_RANGE";
        case CX_XAPIAN_OTHER: return "CX_XAPIAN_OTHER";
        case CX_NO_MEMORY: return "CX_NO_MEMORY";
        case CX_STD_EXCEPTION: return "CX_STD_EXCEPTION";
        case CX_UNKNOWN: return "CX_UNKNOWN";
        case CX_LAST_STATUS: break;
    }
    return "CX_(invalid status)";
}

extern "C" void cx_string_free(char *string) { std::free(string); }

extern "C" void cx_docids_free(uint32_t *docids) { std::free(docids); }

extern "C" const char *cx_version_string(void) {
    return Xapian::version_string();
}

std::string cx::bytes(const char *p, size_t len, const char *what) {
    if (p == nullptr) {
        if (len != 0)
            throw Xapian::InvalidArgumentError(std::string(what) +
                                               " is NULL but has a length");
        return std::string();
    }
    return std::string(p, len);
}

std::vector<size_t> cx::batch_lengths(const char *p, size_t len, size_t count) {
    if (len != 0) require(p, "batch");
    std::vector<size_t> lengths;
    lengths.reserve(count);
    size_t offset = 0;
    for (size_t i = 0; i < count; ++i) {
        const void *nul = offset < len ? std::memchr(p + offset, '\0', len - offset) : nullptr;
        if (nul == nullptr)
            throw Xapian::InvalidArgumentError(
                "batch holds fewer NUL-terminated strings than count");
        size_t n = static_cast<const char *>(nul) - (p + offset);
        if (n == 0) throw Xapian::InvalidArgumentError("batch holds an empty string");
        lengths.push_back(n);
        offset += n + 1;
    }
    if (offset != len)
        throw Xapian::InvalidArgumentError("batch holds more bytes than count strings");
    return lengths;
}

void cx::copy_out(const std::string &s, char **out, size_t *out_len) {
    require(out, "output pointer");
    char *copy = static_cast<char *>(std::malloc(s.size() + 1));
    if (copy == nullptr) throw std::bad_alloc();
    std::memcpy(copy, s.data(), s.size());
    copy[s.size()] = '\0';
    *out = copy;
    if (out_len != nullptr) *out_len = s.size();
}
