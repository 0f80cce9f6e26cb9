@testable import Pipeline
import Testing

/// FIPS 180-4 test vectors.
@Test func sha256KnownVectors() {
    #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    // 1,000 'a' fed in uneven pieces: the streaming path equals the one-shot one.
    var h = SHA256()
    let bytes = [UInt8](repeating: 0x61, count: 1000)
    h.update(bytes[0..<7]); h.update(bytes[7..<500]); h.update(bytes[500...])
    let streamed = h.finalize().map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    #expect(streamed == SHA256.hex(bytes))
    #expect(SHA256.hex(bytes) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
}
