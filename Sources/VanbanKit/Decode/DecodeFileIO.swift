import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files with POSIX calls, so that every failure has its own short reason.
enum DecodeFileIO {
  static func errnoText(_ code: Int32 = errno) -> String {
    switch code {
    case ENOENT: return "no such file (vanished?)"
    case EACCES, EPERM: return "permission denied"
    case ELOOP: return "symlink loop"
    case EISDIR: return "is a directory"
    default: return String(cString: strerror(code))
    }
  }

  /// A file opened once for decoding: every read of it, and every helper program (through
  /// `helperPath`), sees this very file, whatever is renamed or linked on its path meanwhile.
  final class OpenedFile {
    let fd: Int32
    let size: Int
    /// What a helper program opens: the descriptor's link in /proc, which reaches this file even
    /// after a folder on its path is swapped for a link (the path itself when /proc is missing).
    let helperPath: String

    init(fd: Int32, size: Int, path: String) {
      self.fd = fd
      self.size = size
      helperPath = Self.hasProc ? "/proc/\(getpid())/fd/\(fd)" : path
    }

    /// Checked once, not for every file.
    private static let hasProc = access("/proc/self/fd", F_OK) == 0

    deinit { close(fd) }
  }

  /// Opens the regular file at `path` (within `limit`), and with `roots` (real paths) refuses it
  /// unless the file opened is inside one of them. The walk checked the path, but a folder on it
  /// may be swapped for a link to another place between the walk and the open (a shared folder's
  /// other writers): the opened file's own path, from /proc, is what is checked.
  static func open(_ path: String, limit: Int, within roots: [String]?) throws(DecodeError) -> OpenedFile {
    // a FIFO must not block; non-regular files are refused below
    let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    if fd < 0 { throw .unreadable(errnoText()) }
    var kept = false
    defer { if !kept { close(fd) } }
    let size = try Self.size(of: fd, limit: limit)
    if let roots {
      guard let real = openedPath(fd) ?? realPath(path) else { throw .unreadable("cannot tell where it is") }
      if !roots.contains(where: { ExactPath.isUnder(real, $0) }) {
        throw .unreadable("it is \(real), outside the folders given (a folder on its path was replaced by a link)")
      }
    }
    kept = true
    return OpenedFile(fd: fd, size: size, path: path)
  }

  /// The path of the file open as `fd`, as the kernel names it.
  private static func openedPath(_ fd: Int32) -> String? {
    var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink("/proc/self/fd/\(fd)", &buf, buf.count - 1)
    guard n > 0 else { return nil }
    return String(decoding: buf[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private static func size(of fd: Int32, limit: Int) throws(DecodeError) -> Int {
    var st = stat()
    if fstat(fd, &st) != 0 { throw .unreadable(errnoText()) }
    let kind = st.st_mode & S_IFMT
    if kind == S_IFDIR { throw .unreadable("is a directory") }
    if kind != S_IFREG { throw .unreadable("not a regular file") }
    let size = Int(st.st_size)
    if size > limit { throw .tooLarge(bytes: size, limit: limit) }
    return size
  }

  /// The whole content of the file at `path`.
  static func read(_ path: String, limit: Int) throws(DecodeError) -> [UInt8] {
    try read(try open(path, limit: limit, within: nil), limit: limit)
  }

  /// The whole content of an opened file.
  static func read(_ file: OpenedFile, limit: Int) throws(DecodeError) -> [UInt8] {
    let fd = file.fd
    let expected = file.size
    var bytes = [UInt8](repeating: 0, count: expected)
    var got = 0
    while got < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buf in Glibc.read(fd, buf.baseAddress! + got, buf.count - got) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .unreadable(errnoText())
      }
      if n == 0 { break }  // shrank since fstat
      got += n
    }
    if got < bytes.count { bytes.removeSubrange(got...) }
    // The file may have grown since fstat: read on, within the limit.
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .unreadable(errnoText())
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[..<n])
      if bytes.count > limit { throw .tooLarge(bytes: bytes.count, limit: limit) }
    }
    return bytes
  }

  /// Writes `bytes` to a new private temporary file, runs `body` on its path, and removes it.
  static func withTemporaryFile<T>(
    _ bytes: [UInt8], suffix: String, _ body: (String) throws(DecodeError) -> T
  ) throws(DecodeError) -> T {
    let dir = FileManager.default.temporaryDirectory.path
    var template = Array("\(dir)/vanban-decode-XXXXXX\(suffix)".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
    if fd < 0 { throw .unreadable("cannot create a temporary file: \(errnoText())") }
    let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    Leftovers.add(path)
    defer {
      unlink(path)
      Leftovers.remove(path)
    }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        let why = errnoText()
        close(fd)
        throw .unreadable("cannot write a temporary file: \(why)")
      }
      written += n
    }
    close(fd)
    return try body(path)
  }
}
