// What every benchmark measures the same way: wall and CPU clocks, peak memory, the machine's
// load, and the `zcat | wc -c` baseline that reading speed is judged against.
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic wall-clock seconds.
public func now() -> Double {
    seconds(of: CLOCK_MONOTONIC)
}

/// User and system CPU seconds of this process so far: on a machine shared with other work the
/// wall time says little, the CPU time much more.
public func processCPUSeconds() -> Double {
    seconds(of: CLOCK_PROCESS_CPUTIME_ID)
}

/// CPU seconds of the calling thread so far.
public func threadCPUSeconds() -> Double {
    seconds(of: CLOCK_THREAD_CPUTIME_ID)
}

private func seconds(of clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The 1-minute load average, or -1 where it cannot be read.
public func loadAverage() -> Double {
    var loads = [0.0, 0.0, 0.0]
    return getloadavg(&loads, 3) > 0 ? loads[0] : -1
}

/// Peak resident memory of this process in MB (ru_maxrss is KB on Linux, bytes on macOS).
public func peakMegabytes() -> Double {
    var usage = rusage()
    #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1_048_576
    #else
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
    #endif
}

/// Runs `zcat FILE | wc -c`: the decompressed size and the wall time.
public func zcatBaseline(_ path: String) throws -> (bytes: Int, seconds: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "zcat \"$0\" | wc -c", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    let start = now()
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = now() - start
    let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return (Int(text) ?? 0, seconds)
}
