// mset.cpp - one page of results. Reads are by index so Swift can expose the
// page as a random-access collection.
#include "cxapian_private.h"

using cx::require;

namespace {

Xapian::MSetIterator at(const cx_mset *mset, size_t index) {
    require(mset, "mset");
    if (index >= mset->mset.size())
        throw Xapian::RangeError("mset index " + std::to_string(index) +
                                 " out of range (size " +
                                 std::to_string(mset->mset.size()) + ")");
    return mset->mset[static_cast<Xapian::doccount>(index)];
}

}  // namespace

extern "C" void cx_mset_free(cx_mset *mset) { delete mset; }

extern "C" size_t cx_mset_size(const cx_mset *mset) {
    return mset == nullptr ? 0 : mset->mset.size();
}

extern "C" uint32_t cx_mset_get_matches_estimated(const cx_mset *mset) {
    return mset == nullptr ? 0 : mset->mset.get_matches_estimated();
}

extern "C" uint32_t cx_mset_get_matches_lower_bound(const cx_mset *mset) {
    return mset == nullptr ? 0 : mset->mset.get_matches_lower_bound();
}

extern "C" uint32_t cx_mset_get_matches_upper_bound(const cx_mset *mset) {
    return mset == nullptr ? 0 : mset->mset.get_matches_upper_bound();
}

extern "C" uint32_t cx_mset_get_uncollapsed_matches_lower_bound(const cx_mset *mset) {
    return mset == nullptr ? 0 : mset->mset.get_uncollapsed_matches_lower_bound();
}

extern "C" cx_status cx_mset_get_match(const cx_mset *mset, size_t index,
                                       cx_match *out, char **message) {
    try {
        require(out, "out");
        Xapian::MSetIterator it = at(mset, index);
        cx_match match;
        match.docid = *it;
        match.rank = it.get_rank();
        match.weight = it.get_weight();
        match.percent = it.get_percent();
        *out = match;
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}

extern "C" cx_status cx_mset_get_document(const cx_mset *mset, size_t index,
                                          cx_document **out, char **message) {
    try {
        require(out, "out");
        *out = new cx_document{at(mset, index).get_document()};
        return CX_OK;
    } catch (...) {
        return cx_status_from_current_exception(message);
    }
}
