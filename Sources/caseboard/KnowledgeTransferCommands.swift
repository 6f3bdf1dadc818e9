import ArgumentParser
import CaseboardKnowledge
import CaseboardStoreOpening
import CaseboardVocabularies
import Foundation

extension KnowledgeCommand {
    /// `caseboard kb dump FILE`: the whole knowledge base as JSON Lines.
    struct DumpCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dump",
            abstract: "Write the whole knowledge base (metadata, evidence, cases) as JSON Lines.",
            discussion: """
                The dump reads back into either store with 'kb restore', so it moves a knowledge base
                between SQLite and PostgreSQL. It carries the cases' ingest sources and the PubMed
                deletions remembered, so an ingest resumed on the restored store keeps deleted
                records out as the old store did.

                Example:
                  caseboard kb dump kb.jsonl
                  caseboard kb restore kb.jsonl --db postgres://caseboard@127.0.0.1:5432/caseboard
                """
        )

        @Argument(help: "The file to write ('-' for standard output).")
        var file: String

        @OptionGroup var knowledge: KnowledgeOptions

        func run() async throws {
            let store = try await knowledge.open(vocabularies: try Vocabularies.loadBundled())
            let data = try KnowledgeTransfer.encode(try await store.content())
            if file == "-" {
                FileHandle.standardOutput.write(data)
            } else {
                do {
                    try data.write(to: URL(fileURLWithPath: file), options: .atomic)
                } catch {
                    throw KnowledgeStoreError("cannot write the dump (check the directory and permissions)", path: file)
                }
            }
        }
    }

    /// `caseboard kb restore FILE`: replaces the whole knowledge base with a dump.
    struct RestoreCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Replace the whole knowledge base with a 'kb dump' file, in one transaction."
        )

        @Argument(help: "The dump to read ('-' for standard input).")
        var file: String

        @OptionGroup var knowledge: KnowledgeOptions

        func run() async throws {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let read = FileManager.default.contents(atPath: file) else {
                    throw KnowledgeStoreError("cannot read the dump (no such file, or permission denied)", path: file)
                }
                data = read
            }
            let content = try KnowledgeTransfer.decode(data)
            let store = try await knowledge.open(vocabularies: try Vocabularies.loadBundled())
            try await store.restore(content)
            let evidence = content.evidence.count + content.cases.reduce(0) { $0 + $1.evidence.count }
            print(
                "restored \(content.cases.count) cases, \(evidence) evidence items, \(content.metadata.count) metadata values into \(knowledge.path)"
            )
        }
    }
}
