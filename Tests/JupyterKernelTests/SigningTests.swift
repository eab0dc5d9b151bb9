import Foundation
import NotebookFormat
import Testing

@testable import JupyterKernel

extension KernelTests {
    /// Signatures and whole wire messages cross-checked against jupyter_client's `Session`.
    @Suite("signing against jupyter_client.session.Session", .timeLimit(.minutes(2)))
    struct SigningTests {
        /// Python signs messages with unusual spacing, Unicode and buffers; Swift must agree on every
        /// signature computed over the raw frames, and reject tampered copies.
        static let vectorScript = #"""
        import base64, json, sys
        from jupyter_client.session import Session
        out = []
        for key in [b"a9740304-dad663589887318fff94a03e", b"k\xc3\xa9y-\xe2\x82\xac", b""]:
            s = Session(key=key, username="tester")
            for i, content in enumerate([{}, {"code": "print('h\u00e9llo \u2603')", "silent": False},
                                         {"nested": {"list": [1, 2.5, None, True]}, "big": 2**70}]):
                msg = s.msg("execute_request", content=content, metadata={"m": i})
                frames = s.serialize(msg)
                if i == 2:
                    frames.append(b"\x00\x01binary\xff")
                out.append({"key": key.decode(), "frames": [base64.b64encode(f).decode() for f in frames]})
        print(json.dumps(out))
        """#

        struct Vector: Decodable { let key: String; let frames: [String] }

        @Test func swiftVerifiesAndReproducesPythonSignatures() throws {
            let json = try TestSupport.runPython(Self.vectorScript)
            let vectors = try JSONDecoder().decode([Vector].self, from: Data(json.utf8))
            #expect(vectors.count == 9)
            for v in vectors {
                let frames = v.frames.map { [UInt8](Data(base64Encoded: $0)!) }
                let signer = MessageSigner(key: v.key)
                #expect(signer.signature(Array(frames[2...5])) == frames[1], "key \(v.key)")
                guard case .message(let m) = try WireCodec(signer: signer).decode(frames) else {
                    Issue.record("rejected a valid message for key \(v.key)")
                    continue
                }
                #expect(m.msgType == "execute_request")
                #expect(m.buffers == (frames.count > 6 ? [frames[6]] : []))
                if !v.key.isEmpty {
                    var tampered = frames
                    tampered[5] = Array(String(decoding: frames[5], as: UTF8.self).replacingOccurrences(of: "}", with: " }").utf8)
                    guard case .badSignature = try WireCodec(signer: signer).decode(tampered) else {
                        Issue.record("accepted tampered content for key \(v.key)")
                        continue
                    }
                }
            }
        }

        @Test func replayedFramesAreDropped() throws {
            let codec = WireCodec(signer: MessageSigner(key: "k"))
            let frames = codec.encode(JupyterMessage(
                header: JupyterMessage.header(type: "status", session: "s", username: "u", msgID: "s_1")))
            var history = SignatureHistory(capacity: 2)
            guard case .message = try codec.decode(frames, history: &history) else { Issue.record("first copy dropped"); return }
            guard case .replayed = try codec.decode(frames, history: &history) else { Issue.record("replay accepted"); return }
            // Old signatures leave the bounded history.
            for i in 2...3 {
                _ = try codec.decode(codec.encode(JupyterMessage(
                    header: JupyterMessage.header(type: "status", session: "s", username: "u", msgID: "s_\(i)"))), history: &history)
            }
            guard case .message = try codec.decode(frames, history: &history) else { Issue.record("history not bounded"); return }
        }

        @Test func referenceVectorFromTheProtocolNotes() {
            let header = #"{"msg_id": "eba0ca3e-b731a006796901d2f209d40d_7610_0", "msg_type": "kernel_info_request", "username": "tester", "session": "eba0ca3e-b731a006796901d2f209d40d", "date": "2026-11-29T20:29:17.431746Z", "version": "5.4"}"#
            let sig = MessageSigner(key: "a9740304-dad663589887318fff94a03e")
                .signature([Array(header.utf8), Array("{}".utf8), Array("{}".utf8), Array("{}".utf8)])
            #expect(String(decoding: sig, as: UTF8.self) == "82214f77db6d78c33880a59819b977ecf9c365aaa422900cc263e656998f29f4")
        }

        /// The other direction: what Swift encodes, Python's Session accepts (it checks the signature).
        @Test func pythonAcceptsSwiftMessages() throws {
            let key = "5c1b2a9e-0d1f4b7c8a9e0f1d2c3b4a59"
            var message = JupyterMessage(
                header: JupyterMessage.header(type: "comm_msg", session: "s-1", username: "u", msgID: "s-1_1"),
                content: ["data": ["text": "caf\u{e9} \u{1F600}"], "comm_id": "c1"], buffers: [[0, 1, 2, 255]])
            message.metadata = ["k": 1]
            let frames = WireCodec(signer: MessageSigner(key: key)).encode(message)
            let script = #"""
            import base64, sys
            from jupyter_client.session import Session
            frames = [base64.b64decode(a) for a in sys.argv[2:]]
            m = Session(key=sys.argv[1].encode()).deserialize(frames[1:], content=True, copy=True)
            print(m["msg_type"], m["content"]["data"]["text"], list(m["buffers"][0]), m["header"]["date"].year)
            """#
            let out = try TestSupport.runPython(script, arguments: [key] + frames.map { Data($0).base64EncodedString() })
            let year = Calendar(identifier: .gregorian).component(.year, from: Date())
            #expect(out == "comm_msg caf\u{e9} \u{1F600} [0, 1, 2, 255] \(year)\n")
            let wrong = try? TestSupport.runPython(script, arguments: ["other-key"] + frames.map { Data($0).base64EncodedString() })
            #expect(wrong == nil, "Python must reject a signature made with another key")
        }
    }
}
