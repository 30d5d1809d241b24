// XapianLibrary.swift - facts about the linked Xapian. Not named `Xapian`,
// which would shadow the module name in qualified lookups.
import CXapian

/// Facts about the linked Xapian library.
public enum XapianLibrary {
  /// The linked Xapian's version, e.g. "1.4.22".
  public static var version: String { String(cString: cx_version_string()) }
}
