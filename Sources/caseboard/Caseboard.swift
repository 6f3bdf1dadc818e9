import ArgumentParser

@main
struct Caseboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseboard",
        abstract: "Read oncology case reports, keep an evidence knowledge base, and match patients to therapies.",
        subcommands: []
    )
}
