// The version both programs print: `vanban --version`, and `vanban serve --version`, which
// `vanban-serve` answers (vanban hands it every argument after `serve`).

/// vanban's release version.
public enum ProgramVersion {
  public static let current = "0.1.0"
}
