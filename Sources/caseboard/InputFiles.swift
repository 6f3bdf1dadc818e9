import CaseboardCore
import CaseboardDocuments
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening the files a command is given, with errors that name the file, say what is wrong
/// and what to do, instead of Foundation's "The operation could not be completed".
enum InputFiles {
    /// Checks that `path` (`-` is standard input) names a readable file, or a directory when
    /// `directoryAllowed`.
    ///
    /// - Throws: a ``Diagnostic`` with advice.
    static func check(_ path: String, directoryAllowed: Bool = false) throws {
        guard path != "-" else { return }
        var info = stat()
        guard stat(path, &info) == 0 else { throw problem(errno, path: path) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if directoryAllowed { return }
            throw Diagnostic.error("is a directory, but a file is expected; give a file inside it", file: path)
        }
        guard access(path, R_OK) == 0 else { throw problem(errno, path: path) }
    }

    /// The whole content of `path` (`-` is standard input), decompressed if it is gzip.
    static func read(_ path: String) throws -> [UInt8] {
        do {
            try check(path)
            var source = try ByteSources.open(path: path)
            return try source.readAll(name: path)
        } catch let diagnostic as Diagnostic {
            throw advised(diagnostic.located(in: path))
        }
    }

    /// The name to show for `path`.
    static func displayName(_ path: String) -> String {
        path == "-" ? "standard input" : path
    }

    /// `error` as a diagnostic for `path`, with advice where the readers' message lacks it.
    static func diagnostic(for error: any Error, path: String) -> Diagnostic {
        if let diagnostic = error as? Diagnostic { return advised(diagnostic.located(in: path)) }
        return Diagnostic.error("cannot be read: \(error); check the file", file: path)
    }

    /// Adds what to do to the readers' messages that only say what went wrong.
    static func advised(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        let message = diagnostic.message
        if message.contains("gzip") {
            copy.message += "; the file is damaged or cut short: test it with 'gzip -t FILE' and fetch it again"
        } else if message.hasPrefix("binary file") {
            copy.message +=
                "; caseboard reads plain text, Markdown, HTML, PubMed XML, JATS and PubTator: convert the file to text, "
                + "or name its format with --input-format"
        } else if message.hasPrefix("cannot open:") || message.hasPrefix("read failed:") {
            copy.message += "; check the path and that the file is readable"
        } else if message == "file is empty" {
            copy.message += "; give a file with content"
        }
        return copy
    }

    private static func problem(_ number: Int32, path: String) -> Diagnostic {
        switch number {
        case ENOENT:
            return .error("no such file; check the path (or give '-' to read standard input)", file: path)
        case ENOTDIR:
            return .error("a part of the path is not a directory; check the path", file: path)
        case EACCES, EPERM:
            return .error("permission denied; make the file readable (chmod u+r FILE) or run as a user who can read it", file: path)
        default:
            return .error("cannot be read: \(String(cString: strerror(number))); check the file", file: path)
        }
    }
}
