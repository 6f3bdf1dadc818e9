import ArgumentParser
import CaseboardCore
import Foundation

/// The `caseboard` command-line tool.
@main
struct Caseboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseboard",
        abstract: "Read oncology case reports, keep an evidence knowledge base, and match patients to therapies.",
        discussion: """
            Exit codes: 0 success, 1 an input or operation failed, 2 usage error.
            Errors go to standard error as FILE:LINE:COLUMN: error: MESSAGE.
            """,
        version: CaseboardVersion.current,
        subcommands: [
            ReadCommand.self, ExtractCommand.self, ExportCommand.self, KnowledgeCommand.self, MatchCommand.self, AnnotateCommand.self,
            ServeCommand.self, IngestCommand.self,
        ]
    )

    /// Runs the command, mapping usage errors to exit code 2 (ArgumentParser's default is 64).
    static func main() async {
        StandardOutput.ignoreBrokenPipeSignal()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let diagnostic as Diagnostic {
            Diagnostics.report(InputFiles.advised(diagnostic))
            Foundation.exit(1)
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardOutput.writeError(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum CaseboardVersion {
    static let current = "0.1.0"
}
