import CaseboardServer

/// Runs `body` with ``ServerServices/followStoreChanges()`` beside it, and stops the follower
/// before returning, while the stores' clients still run. Cancelled together with the clients, a
/// catch-up query in flight can wait for a pool that is gone, and the test never ends (a
/// clean-clone CI run hung so in `notifyAloneBringsTheOtherServersIndexUpToTheWrite`).
func withStoreFollower<T: Sendable>(_ services: ServerServices, _ body: () async throws -> T) async throws -> T {
    let follower = Task { await services.followStoreChanges() }
    do {
        let value = try await body()
        follower.cancel()
        await follower.value
        return value
    } catch {
        follower.cancel()
        await follower.value
        throw error
    }
}
