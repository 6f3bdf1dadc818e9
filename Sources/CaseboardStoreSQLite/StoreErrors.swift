import CaseboardKnowledge
import Foundation
import GRDB

extension KnowledgeStoreError {
    /// The error for a file that SQLite cannot read as a database.
    static func notADatabase(path: String?) -> KnowledgeStoreError {
        KnowledgeStoreError("file is not a Caseboard database (not SQLite or corrupt)", path: path)
    }
}

extension SQLiteKnowledgeStore {
    /// Turns GRDB, SQLite and coding errors into messages that say what the user can do.
    static func storeError(
        _ error: any Error,
        path: String?,
        busyTimeout: TimeInterval = defaultBusyTimeout
    ) -> KnowledgeStoreError {
        switch error {
        case let error as KnowledgeStoreError:
            return error
        case let error as DatabaseError:
            return databaseError(error, path: path, busyTimeout: busyTimeout)
        case is EncodingError:
            return KnowledgeStoreError("could not encode a value for the store: \(error)", path: path)
        case is DecodingError:
            return KnowledgeStoreError(
                "stored data could not be read back (written by another Caseboard version?): \(error)",
                path: path
            )
        default:
            return KnowledgeStoreError("\(error)", path: path)
        }
    }

    private static func databaseError(_ error: DatabaseError, path: String?, busyTimeout: TimeInterval) -> KnowledgeStoreError {
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return KnowledgeStoreError(
                "database is locked by another process; gave up after \(seconds(busyTimeout)) s (is another import running?)",
                path: path
            )
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return KnowledgeStoreError("cannot write the database (read-only file or directory, or permission denied)", path: path)
        case .SQLITE_CANTOPEN:
            return KnowledgeStoreError(
                "cannot open the database file (check that its directory exists and is writable)",
                path: path
            )
        case .SQLITE_FULL:
            return KnowledgeStoreError("the disk is full; nothing was written", path: path)
        case .SQLITE_IOERR:
            return KnowledgeStoreError("input/output error on the database file: \(detail)", path: path)
        case .SQLITE_CONSTRAINT:
            if error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                return KnowledgeStoreError(
                    "an evidence item names a case that is not stored (foreign key); nothing was written",
                    path: path
                )
            }
            return KnowledgeStoreError("constraint failed: \(detail); nothing was written", path: path)
        default:
            return KnowledgeStoreError("database error: \(detail)", path: path)
        }
    }

    /// "10" or "0.5", the same in every locale.
    private static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? "\(Int(interval))" : "\(interval)"
    }
}
