// Does Xapian read back what vanban stores? Writes N variants of one planted file's stored data
// (a header in a shuffled key order, a NUL, 12 MB of one short pattern), each as the only document
// of a new glass database, with and without vanban's guard (StoredDocument.appendGuard), and counts
// those Xapian cannot read back ("Too few chunks of compressed data" in Xapian 1.4.22).
//
//   g++ -O2 -o /tmp/stored-data-guard scripts/stored-data-guard.cc -lxapian
//   /tmp/stored-data-guard 300 /tmp/guard-db
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

// The same bytes as StoredDocument.appendGuard: FNV-1a of the last 4 KB seeded with the length,
// then a NUL and four SplitMix64 outputs, little-endian.
static void appendGuard(std::string& b) {
    uint64_t h = 0xcbf29ce484222325ULL ^ static_cast<uint64_t>(b.size());
    for (size_t i = b.size() > 4096 ? b.size() - 4096 : 0; i < b.size(); ++i) {
        h ^= static_cast<unsigned char>(b[i]);
        h *= 0x100000001b3ULL;
    }
    b += '\0';
    for (int k = 0; k < 4; ++k) {
        h += 0x9E3779B97F4A7C15ULL;
        uint64_t z = h;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        for (int j = 0; j < 8; ++j) b += static_cast<char>((z >> (8 * j)) & 0xff);
    }
}

static bool readsBack(const std::string& data, const std::string& dir) {
    {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        Xapian::Document doc;
        doc.set_data(data);
        db.add_document(doc);
        db.commit();
    }
    try {
        return Xapian::Database(dir).get_document(1).get_data() == data;
    } catch (const Xapian::Error&) {
        return false;
    }
}

int main(int argc, char** argv) {
    int n = argc > 1 ? std::atoi(argv[1]) : 300;
    std::string dir = argc > 2 ? argv[2] : "/tmp/stored-data-guard-db";
    std::string line;
    for (int i = 0; i < 2000; ++i) line += "\xe1\xba\xa2" "b  ";  // "Ảb  "
    line += "\n";
    std::string body = "K\xc3\xbd b\xe1\xbb\x9fi: v\xc3\xa0 c\xe1\xbb\xa7" "a the\n";  // "Ký bởi: và của the"
    for (int i = 0; i < 1000; ++i) body += line;
    std::mt19937 rng(1);
    int bare = 0, guarded = 0;
    for (int v = 0; v < n; ++v) {
        std::string path = "/data/";
        for (int i = 0, len = 1 + static_cast<int>(rng() % 30); i < len; ++i) path += static_cast<char>('a' + rng() % 8);
        std::vector<std::string> keys = {
            "\"id\":\"a\"", "\"path\":\"" + path + "/a.txt\"", "\"format\":\"txt\"", "\"size\":12001025",
            "\"inode\":16343257", "\"encoding\":\"utf-8\"", "\"modified\":1796300270.3887606",
            "\"metadata\":{\"references\":[],\"companies\":[],\"recipients\":[]}"};
        std::shuffle(keys.begin(), keys.end(), rng);
        std::string data = "{";
        for (size_t i = 0; i < keys.size(); ++i) data += (i ? "," : "") + keys[i];
        data += "}";
        data += '\0';
        data += body;
        if (!readsBack(data, dir)) ++bare;
        appendGuard(data);
        if (!readsBack(data, dir)) ++guarded;
    }
    std::cout << "variants " << n << ": unreadable without the guard " << bare << ", with it " << guarded << "\n";
    return guarded == 0 ? 0 : 1;
}
