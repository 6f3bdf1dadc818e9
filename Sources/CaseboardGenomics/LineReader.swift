import CaseboardCore
import CaseboardDocuments
import Foundation

/// Reads lines from a byte source one at a time, so memory stays flat in the number of lines.
struct LineReader {
    private var source: any ByteSource
    private let name: String
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var finished = false
    private var pending: [UInt8] = []
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0

    /// Lines longer than this are refused rather than grown without bound.
    static let maximumLineLength = 1 << 24

    init(source: any ByteSource, name: String, chunk: Int = 1 << 16) {
        self.source = source
        self.name = name
        buffer = [UInt8](repeating: 0, count: chunk)
    }

    /// The next line without its end-of-line, or nil at the end.
    mutating func next() throws -> String? {
        while true {
            if position < filled {
                let end = buffer.withUnsafeBufferPointer { bytes -> Int? in
                    var index = position
                    while index < filled {
                        if bytes[index] == 0x0A { return index }
                        index += 1
                    }
                    return nil
                }
                if let end {
                    lineNumber += 1
                    let line: String
                    if pending.isEmpty {
                        line = Self.string(buffer[position..<end])
                    } else {
                        pending.append(contentsOf: buffer[position..<end])
                        line = Self.string(pending[...])
                        pending.removeAll(keepingCapacity: true)
                    }
                    position = end + 1
                    return line
                }
                pending.append(contentsOf: buffer[position..<filled])
                position = filled
                if pending.count > Self.maximumLineLength {
                    throw Diagnostic.error("line \(lineNumber + 1) is longer than \(Self.maximumLineLength) bytes", file: name)
                }
            }
            if finished {
                guard !pending.isEmpty else { return nil }
                lineNumber += 1
                let line = Self.string(pending[...])
                pending.removeAll()
                return line
            }
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            position = 0
            filled = count
            if count == 0 { finished = true }
        }
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        if slice.last == 0x0D { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}

/// Splits a tab-separated line into fields (empty fields kept).
@inline(__always)
func tabFields(_ line: String) -> [Substring] {
    line.split(separator: "\t", omittingEmptySubsequences: false)
}

/// A header's columns, looked up case-insensitively by any of several names.
struct ColumnIndex {
    let names: [String]
    private let positions: [String: Int]

    init(header: [Substring]) {
        names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = index
        }
        self.positions = positions
    }

    /// The first of `candidates` present in the header.
    func first(_ candidates: [String]) -> Int? {
        for candidate in candidates {
            if let index = positions[candidate.lowercased()] { return index }
        }
        return nil
    }

    /// The column, or an error naming it and the file.
    func require(_ candidates: [String], file: String, line: Int) throws -> Int {
        guard let index = first(candidates) else {
            let wanted = candidates.count == 1 ? "'\(candidates[0])'" : "one of " + candidates.map { "'\($0)'" }.joined(separator: ", ")
            throw Diagnostic.error(
                "missing required column \(wanted)",
                file: file,
                position: SourcePosition(offset: 0, line: line, column: 1)
            )
        }
        return index
    }
}

extension Substring {
    /// The field without surrounding spaces, or nil when empty or a placeholder ("." or "NA").
    var value: String? {
        let trimmed = trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "." || trimmed == "NA" || trimmed == "-" { return nil }
        return trimmed
    }
}
