import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way the CLI writes to standard output and standard error.
///
/// `FileHandle.write` traps on a write error, so `caseboard … > /dev/full` died with an illegal
/// instruction. Here a closed reader (`caseboard extract … | head`) ends the process quietly
/// with status 0, as the reader wanted no more; any other error is reported once and exits 1.
enum StandardOutput {
    /// Stops SIGPIPE from killing the process, so a closed pipe surfaces as EPIPE here.
    static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func write(_ data: Data) {
        data.withUnsafeBytes { write($0) }
    }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    static func write(_ bytes: UnsafeRawBufferPointer) {
        if let errorNumber = writeAll(bytes, to: STDOUT_FILENO) {
            if errorNumber == EPIPE { exit(0) }
            writeError("caseboard: error writing output: \(String(cString: strerror(errorNumber)))\n")
            exit(1)
        }
    }

    /// Writes to standard error; a failure there has nowhere to be reported, so it is dropped.
    static func writeError(_ text: String) {
        var text = text
        _ = text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Writes every byte, retrying after signals; returns the errno of a failure.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard var base = bytes.baseAddress else { return nil }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            base += written
            remaining -= written
        }
        return nil
    }

    private static func systemWrite(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, base, count)
        #else
        Darwin.write(descriptor, base, count)
        #endif
    }
}

/// Every `print` in this module goes through ``StandardOutput``, so no command can write to
/// standard output in a way that traps or hides a write error.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    StandardOutput.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
