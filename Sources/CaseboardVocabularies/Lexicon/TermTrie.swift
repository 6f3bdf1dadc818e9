/// A byte trie over ``LexiconKey`` keys, frozen into flat arrays after one build.
///
/// Text is scanned once: at each word start the scanner walks the trie as far as the text
/// allows and reports every node that ends a key. The cost per word is bounded by the longest
/// key, never by the number of keys.
struct TermTrie: Sendable {
    /// Per node, the first index of its edges in `labels`/`targets`; one extra entry at the end.
    private var edgeStart: [Int32]
    private var labels: [UInt8]
    private var targets: [Int32]
    /// Dense transitions out of the root, which every walk starts with.
    private var rootTable: [Int32]
    /// Per node, the first index of its values in `values`; one extra entry at the end.
    private var valueStart: [Int32]
    private var values: [Int32]

    /// Builds the trie. `entries` pairs a key with an opaque value; a key may carry many values.
    init(entries: [(key: [UInt8], value: Int32)]) {
        let order = entries.indices.sorted { entries[$0].key.lexicographicallyPrecedes(entries[$1].key) }
        var edgeParents: [Int32] = []
        var edgeLabels: [UInt8] = []
        var edgeTargets: [Int32] = []
        var valueNodes: [Int32] = []
        var valueList: [Int32] = []
        var nodeCount: Int32 = 1
        // The nodes along the previous key; sorted input means only its tail can be extended.
        var path: [Int32] = [0]
        var previous: [UInt8] = []
        for index in order {
            let key = entries[index].key
            var common = 0
            while common < key.count, common < previous.count, key[common] == previous[common] { common += 1 }
            path.removeSubrange((common + 1)...)
            for position in common..<key.count {
                edgeParents.append(path[position])
                edgeLabels.append(key[position])
                edgeTargets.append(nodeCount)
                path.append(nodeCount)
                nodeCount += 1
            }
            valueNodes.append(path[key.count])
            valueList.append(entries[index].value)
            previous = key
        }
        let nodes = Int(nodeCount)
        // Counting sort by parent keeps each node's edges in label order.
        edgeStart = Self.offsets(of: edgeParents, nodes: nodes)
        labels = [UInt8](repeating: 0, count: edgeLabels.count)
        targets = [Int32](repeating: 0, count: edgeLabels.count)
        var cursor = edgeStart
        for edge in edgeParents.indices {
            let parent = Int(edgeParents[edge])
            let slot = Int(cursor[parent])
            labels[slot] = edgeLabels[edge]
            targets[slot] = edgeTargets[edge]
            cursor[parent] += 1
        }
        valueStart = Self.offsets(of: valueNodes, nodes: nodes)
        values = [Int32](repeating: 0, count: valueList.count)
        var valueCursor = valueStart
        for item in valueNodes.indices {
            let node = Int(valueNodes[item])
            values[Int(valueCursor[node])] = valueList[item]
            valueCursor[node] += 1
        }
        rootTable = [Int32](repeating: -1, count: 256)
        for edge in Int(edgeStart[0])..<Int(edgeStart[1]) {
            rootTable[Int(labels[edge])] = targets[edge]
        }
    }

    private static func offsets(of owners: [Int32], nodes: Int) -> [Int32] {
        var counts = [Int32](repeating: 0, count: nodes + 1)
        for owner in owners { counts[Int(owner) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        return counts
    }

    var nodeCount: Int { edgeStart.count - 1 }

    @inline(__always)
    func child(of node: Int32, _ label: UInt8) -> Int32 {
        if node == 0 { return rootTable[Int(label)] }
        var low = Int(edgeStart[Int(node)])
        var high = Int(edgeStart[Int(node) + 1])
        while low < high {
            let mid = (low + high) >> 1
            let value = labels[mid]
            if value == label { return targets[mid] }
            if value < label { low = mid + 1 } else { high = mid }
        }
        return -1
    }

    @inline(__always)
    func values(at node: Int32) -> ArraySlice<Int32> {
        values[Int(valueStart[Int(node)])..<Int(valueStart[Int(node) + 1])]
    }

    /// The node reached by a whole key, if the trie holds it.
    func node(forKey key: [UInt8]) -> Int32? {
        var node: Int32 = 0
        for byte in key {
            node = child(of: node, byte)
            if node < 0 { return nil }
        }
        return node
    }

    /// Walks the text from `start`, calling `visit(end, node)` for each node with values. `end`
    /// is the text offset just past the matched key. Stops when the trie has no way on.
    @inline(__always)
    func walk(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, visit: (Int, Int32) -> Void) {
        var node: Int32 = 0
        var index = start
        let count = bytes.count
        while index < count {
            let separator = LexiconKey.separatorLength(bytes, at: index)
            var next: Int32
            if separator > 0 {
                next = child(of: node, 0x20)
                index += separator
                // A run of separators is one space in the key.
                while index < count {
                    let more = LexiconKey.separatorLength(bytes, at: index)
                    if more == 0 { break }
                    index += more
                }
            } else {
                next = child(of: node, LexiconKey.fold(bytes[index]))
                index += 1
            }
            if next < 0 { return }
            node = next
            if valueStart[Int(node)] != valueStart[Int(node) + 1] {
                visit(index, node)
            }
        }
    }
}
