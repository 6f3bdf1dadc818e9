import Testing

@testable import CaseboardServer

/// The write token's comparison: equal only for the same bytes, whatever the lengths.
struct TokenComparisonTests {
    private typealias Middleware = WriteTokenMiddleware<CaseboardRequestContext>

    @Test func theSameTokenIsEqual() {
        #expect(Middleware.constantTimeEquals(Array("s3cret-token".utf8), Array("s3cret-token".utf8)))
    }

    @Test func aDifferentByteOrAPrefixIsNotEqual() {
        #expect(!Middleware.constantTimeEquals(Array("s3cret-tokeN".utf8), Array("s3cret-token".utf8)))
        #expect(!Middleware.constantTimeEquals(Array("s3cret".utf8), Array("s3cret-token".utf8)))
        #expect(!Middleware.constantTimeEquals([], Array("s3cret-token".utf8)))
    }

    /// Regression: the length difference was folded into one byte, so the token followed by
    /// 256 (or any multiple of 256) NUL bytes compared equal.
    @Test(arguments: [256, 512, 1024])
    func aTokenPaddedWithNULBytesIsNotEqual(padding: Int) {
        let token = Array("s3cret-token".utf8)
        #expect(!Middleware.constantTimeEquals(token + Array(repeating: 0, count: padding), token))
        #expect(!Middleware.constantTimeEquals(token, token + Array(repeating: 0, count: padding)))
    }
}
