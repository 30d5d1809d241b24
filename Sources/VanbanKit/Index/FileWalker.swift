// Lists the files under the paths given to `vanban index`, with POSIX calls rather than
// FileManager, because real archives hold names that are not valid UTF-8, symlink loops and
// directories named like files, and each of those must become a clear skip, not a crash.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file the walker found: its path, size, modification time and format.
public struct FoundFile: Sendable, Equatable {
  public var path: String
  public var size: Int
  public var modified: Double
  public var format: DocumentFormat
  /// The file's inode number when found: a file served later (`vanban serve`) must be this very
  /// file, not another of the same size and time reached through a link planted since.
  public var inode: UInt64? = nil

  public init(path: String, size: Int, modified: Double, format: DocumentFormat, inode: UInt64? = nil) {
    self.path = path
    self.size = size
    self.modified = modified
    self.format = format
    self.inode = inode
  }
}

/// Lists the indexable files under the roots, never following a link out of them (and links at all unless asked).
public struct FileWalker: Sendable {
  public var formats: Set<DocumentFormat>
  /// Follow symbolic links found inside the roots, as ripgrep's --follow does: only to places
  /// inside the roots, each folder and file once. Off: a link is skipped (roots themselves are
  /// always followed, since the user named them).
  public var followLinks = false
  /// Folders not to enter (the index folder, when it lies inside a root).
  public var excluded: [String] = []
  /// Glob patterns (fnmatch(3)) of files and folders to leave out, each matched against the
  /// entry's name and against its path relative to the root it was found under (`*` does not
  /// cross a `/` there): `*.bak`, `drafts`, `2019/old/*`.
  public var excludePatterns: [String] = []

  /// What one walk found: the files to read, and how many others no format reads, by extension.
  public struct Walk: Sendable {
    public var files: [FoundFile] = []
    /// Lower-case extension (`xlsx`; "" for a name without one) → files.
    public var ignored: [String: Int] = [:]
    /// Folders and entries the walk could not read (permissions, a path too long, an I/O error),
    /// each reported: what the index holds under them was not seen, and is not gone.
    public var unread: [String] = []
  }

  public init(formats: Set<DocumentFormat>) { self.formats = formats }

  /// Told of each entry the walk passes by: its path, the kind of skip (a stable key for
  /// summaries), and the reason in words with its detail (a link's target, the system's error).
  public typealias SkipHandler = (_ path: String, _ kind: WalkSkip, _ reason: String) -> Void

  /// Walks `roots` (files or directories), calling `skip` for each entry that can't be indexed.
  /// Hidden entries (starting with `.`), Office's lock files and Windows' folder files are not
  /// entered (`isNeverIndexed`), nor entries matching `excludePatterns`.
  /// `folder` is told of each folder just before it is listed (a watcher watches it from then on).
  public func walk(_ roots: [String], skip: SkipHandler, folder: (String) -> Void = { _ in }) -> Walk {
    var state = startState(roots)
    for root in roots {
      let absolute = FileWalker.absolute(root)
      var st = stat()
      guard stat(absolute, &st) == 0 else {
        skip(root, .unreadable, String(cString: strerror(errno)))
        continue
      }
      if (st.st_mode & S_IFMT) == S_IFDIR {
        state.root = absolute
        walk(absolute, &state, skip, folder)
      } else if (st.st_mode & S_IFMT) != S_IFREG {
        // A FIFO would block the reader forever; sockets and devices are not documents either.
        skip(root, .notAFile, Self.notRegular)
      } else if let f = found(absolute, st) {
        if state.firstVisit(file: st) { state.out.append(f) }
      } else {
        skip(root, .unsupportedType, "\(Self.unsupportedType) (\(supportedList))")
      }
    }
    return Walk(files: state.out, ignored: state.ignored, unread: state.unread)
  }

  private func startState(_ roots: [String]) -> WalkState {
    var state = WalkState()
    for path in excluded {
      var st = stat()
      if stat(path, &st) == 0 { state.excluded.insert(FileID(st)) }
    }
    state.realRoots = roots.compactMap(realPath)
    return state
  }

  /// Walks only `scopes`, files or folders under `roots`, as a walk of the roots would see them:
  /// a scope left out on the way down (hidden, excluded, the index folder, reached through a link
  /// not followed or one leading out of the roots) finds nothing. A scope that is gone finds nothing.
  public func walk(
    _ scopes: [String], within roots: [String], skip: SkipHandler, folder: (String) -> Void = { _ in }
  ) -> Walk {
    var state = startState(roots)
    for scope in scopes {
      guard let root = roots.first(where: { ExactPath.isUnder(scope, $0) }), !isLeftOut(scope, under: root),
        let realRoot = realPath(root)
      else { continue }
      var st = stat()
      guard lstat(scope, &st) == 0 else { continue }  // gone: nothing to find, nothing to say
      state.root = root
      if ExactPath.same(scope, root) {
        guard stat(scope, &st) == 0, !state.excluded.contains(FileID(st)) else { continue }
        if (st.st_mode & S_IFMT) == S_IFDIR {
          walk(scope, &state, skip, folder)
        } else if (st.st_mode & S_IFMT) == S_IFREG, let f = found(scope, st) {
          if state.firstVisit(file: st) { state.out.append(f) }
        }
        continue
      }
      // The folders above the scope, as the walk of the root would reach them; the scope itself
      // is then visited as the walk visits an entry, so a pipe or a link is reported the same way.
      let parent = (scope as NSString).deletingLastPathComponent
      guard let realParent = realPath(parent) else { continue }
      let throughLinks = !ExactPath.same(realParent, realRoot + parent.dropFirst(root.count))
      if throughLinks && (!followLinks || !state.insideRoots(realParent)) { continue }
      visit(scope, name: (scope as NSString).lastPathComponent, &state, skip, folder)
    }
    return Walk(files: state.out, ignored: state.ignored, unread: state.unread)
  }

  /// Names no one wants indexed: hidden entries (`.git`, `.~lock.x.odt#`), Office's lock files
  /// (`~$x.docx`, written beside a document while it is open), and Windows' thumbnail cache and
  /// folder settings.
  public static func isNeverIndexed(_ name: String) -> Bool {
    if name.hasPrefix(".") || name.hasPrefix("~$") { return true }
    let lower = name.lowercased()
    return lower == "thumbs.db" || lower == "desktop.ini"
  }

  /// Whether `name`, at `relative` below its root, matches one of `excludePatterns`.
  func isExcluded(name: String, relative: String) -> Bool {
    excludePatterns.contains { fnmatch($0, name, 0) == 0 || fnmatch($0, relative, FNM_PATHNAME) == 0 }
  }

  /// Whether a walk of `root` leaves `path` out for its name or an excluded folder on the way: a
  /// document indexed before it was excluded is then removed.
  public func isLeftOut(_ path: String, under root: String) -> Bool {
    let base = root.hasSuffix("/") ? root : root + "/"
    guard ExactPath.isUnder(path, root) else { return false }
    var relative = ""
    for part in path.dropFirst(base.count).split(separator: "/") {
      relative += relative.isEmpty ? String(part) : "/" + part
      if Self.isNeverIndexed(String(part)) || isExcluded(name: String(part), relative: relative) { return true }
    }
    return false
  }

  /// A file's device and inode, inline: as an array each took a heap block, 70 MB for the files of
  /// a million-document walk.
  private struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64
    init(_ st: stat) {
      device = UInt64(st.st_dev)
      inode = UInt64(st.st_ino)
    }
  }

  /// What one walk has found and been through.
  private struct WalkState {
    var out: [FoundFile] = []
    var ignored: [String: Int] = [:]
    var unread: [String] = []
    /// The root folder being walked, for the relative paths `excludePatterns` match.
    var root = ""
    /// Characters of a path below `root` before its relative part.
    var rootPrefix: Int { root.hasSuffix("/") ? root.count : root.count + 1 }
    var visited = Set<FileID>()  // directories: symlink loops end here
    var files = Set<FileID>()  // and files, so a file reached through a link is read once
    var excluded = Set<FileID>()
    var realRoots: [String] = []

    mutating func firstVisit(file st: stat) -> Bool { files.insert(FileID(st)).inserted }

    func insideRoots(_ real: String) -> Bool {
      realRoots.contains { ExactPath.isUnder(real, $0) }
    }
  }

  /// Whether a walk of `root` would find `path` as a file now: a regular file, reached through
  /// no symbolic link below the root (or, following links, one that stays inside the root). A
  /// document whose path fails this is gone from the index.
  public func wouldFind(_ path: String, under root: String) -> Bool {
    var st = stat()
    guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
      let real = realPath(path), let realRoot = realPath(root)
    else { return false }
    if followLinks { return ExactPath.isUnder(real, realRoot) }
    // Without links, the real path is the root's real path plus the same tail.
    return ExactPath.same(real, realRoot + path.dropFirst(root.count))
  }

  private var supportedList: String { formats.map(\.rawValue).sorted().joined(separator: ", ") }

  private func found(_ path: String, _ st: stat) -> FoundFile? {
    guard let format = DocumentFormat.forPath(path), formats.contains(format) else { return nil }
    let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
    return FoundFile(path: path, size: Int(st.st_size), modified: mtime, format: format, inode: UInt64(st.st_ino))
  }

  private func walk(
    _ dir: String, _ state: inout WalkState, _ skip: SkipHandler, _ folder: (String) -> Void
  ) {
    var st = stat()
    guard stat(dir, &st) == 0 else {
      skip(dir, .unreadable, String(cString: strerror(errno)))
      state.unread.append(dir)
      return
    }
    guard state.visited.insert(FileID(st)).inserted else {
      skip(dir, .visitedTwice, Self.visitedTwice)
      return
    }
    folder(dir)
    guard let handle = opendir(dir) else {
      skip(dir, .unreadable, String(cString: strerror(errno)))
      state.unread.append(dir)
      return
    }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name: String? = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        let bytes = raw.bindMemory(to: CChar.self)
        return String(validatingCString: bytes.baseAddress!)
      }
      guard let name else {
        let lossy = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
          let p = raw.bindMemory(to: UInt8.self)
          let n = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
          return String(decoding: UnsafeBufferPointer(start: p.baseAddress, count: n), as: UTF8.self)
        }
        skip(dir + "/" + lossy, .badName, Self.badName)
        continue
      }
      if Self.isNeverIndexed(name) { continue }
      names.append(name)
    }
    // By bytes: String's order holds NFC and NFD spellings equal, and leaves them in readdir's order.
    for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
      if !excludePatterns.isEmpty && isExcluded(name: name, relative: String(path.dropFirst(state.rootPrefix))) {
        continue
      }
      visit(path, name: name, &state, skip, folder)
    }
  }

  /// One entry of a folder (or a watched scope): a file found, a folder walked, or a skip said.
  private func visit(
    _ path: String, name: String, _ state: inout WalkState, _ skip: SkipHandler,
    _ folder: (String) -> Void
  ) {
    var st = stat()
    if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK {
      if !followLinks {
        // Not followed: a link can lead anywhere, /etc or a folder indexed already. One named
        // like a document is mentioned, so a missing file has an explanation.
        if let format = DocumentFormat.forPath(path), formats.contains(format) {
          skip(path, .linkNotFollowed, Self.linkNotFollowed)
        }
        return
      }
      if let real = realPath(path), !state.insideRoots(real) {
        skip(path, .linkOutside, "symbolic link to \(real), \(Self.outsideRoots)")
        return
      }
    }
    if stat(path, &st) != 0 {
      let err = errno
      // Gone since it was listed (or a link to nothing): nothing to say. Anything else (no
      // permission, a path past PATH_MAX) may be a document or a folder of them, unread.
      if DocumentFormat.forPath(path) != nil || err != ENOENT {
        skip(path, .unreadable, String(cString: strerror(err)))
      }
      if err != ENOENT && err != ELOOP { state.unread.append(path) }
      return
    }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      if state.excluded.contains(FileID(st)) { return }
      if DocumentFormat.forPath(path) != nil && formats.contains(DocumentFormat.forPath(path)!) {
        // A directory named x.txt is walked, but say why the name was not read as a file.
        skip(path, .directory, Self.isDirectory)
      }
      walk(path, &state, skip, folder)
    } else if (st.st_mode & S_IFMT) == S_IFREG, let f = found(path, st) {
      if state.firstVisit(file: st) { state.out.append(f) }
    } else if (st.st_mode & S_IFMT) == S_IFREG, DocumentFormat.forPath(path) == nil {
      state.ignored[Self.fileExtension(name), default: 0] += 1
    } else if (st.st_mode & S_IFMT) != S_IFREG, found(path, st) != nil {
      skip(path, .notAFile, Self.notRegular)
    }
  }

  /// The lower-case extension of a file name, "" without one (`.profile` has none).
  static func fileExtension(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  static let notRegular = "not a regular file (a pipe, socket or device)"
  static let linkNotFollowed = "a symbolic link; links are not followed unless asked to"
  static let outsideRoots = "outside the folders being indexed"
  static let badName = "file name is not valid UTF-8; rename it to index it"
  static let isDirectory = "is a directory"
  static let visitedTwice = "directory already visited (symlink loop, or a link to a folder indexed already)"
  static let unsupportedType = "not a supported file type"

  /// Absolute, with `.` and `..` resolved lexically (symlinks are kept: the path is what the user
  /// indexed).
  public static func absolute(_ path: String) -> String {
    let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var parts: [Substring] = []
    for p in base.split(separator: "/", omittingEmptySubsequences: true) {
      if p == "." { continue }
      if p == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(p)
    }
    return "/" + parts.joined(separator: "/")
  }
}
