import NotebookFormat

/// Converts between `JupyterMessage` and ZeroMQ multipart frames:
/// `[identities...] <IDS|MSG> signature header parent metadata content [buffers...]`.
struct WireCodec: Sendable {
    static let delimiter: [UInt8] = Array("<IDS|MSG>".utf8)
    let signer: MessageSigner

    func encode(_ message: JupyterMessage) -> [[UInt8]] {
        let parts = [
            message.header.serialized(), message.parentHeader.serialized(),
            message.metadata.serialized(), message.content.serialized(),
        ]
        return [Self.delimiter, signer.signature(parts)] + parts + message.buffers
    }

    enum Outcome {
        case message(JupyterMessage)
        case badSignature(msgType: String)
        case replayed(msgType: String)
    }

    /// Splits at the first delimiter; prefix frames (routing ids, iopub topics) carry no meaning here.
    func decode(_ frames: [[UInt8]], history: inout SignatureHistory) throws(KernelError) -> Outcome {
        let outcome = try decode(frames)
        guard case .message(let m) = outcome, let d = frames.firstIndex(of: Self.delimiter),
            !history.insert(frames[d + 1])
        else { return outcome }
        return .replayed(msgType: m.msgType)
    }

    func decode(_ frames: [[UInt8]]) throws(KernelError) -> Outcome {
        guard let d = frames.firstIndex(of: Self.delimiter) else {
            throw .malformedMessage(reason: "no <IDS|MSG> delimiter in \(frames.count) frames")
        }
        guard frames.count - d - 1 >= 5 else {
            throw .malformedMessage(reason: "\(frames.count - d - 1) frames after delimiter, need 5")
        }
        let parts = Array(frames[(d + 2)..<(d + 6)])
        guard signer.verify(signature: frames[d + 1], parts: parts) else {
            let type = (try? JSONValue.parse(parts[0]))?["msg_type"]?.stringValue ?? "?"
            return .badSignature(msgType: type)
        }
        do {
            return .message(JupyterMessage(
                header: try JSONValue.parse(parts[0]), parentHeader: try JSONValue.parse(parts[1]),
                metadata: try JSONValue.parse(parts[2]), content: try JSONValue.parse(parts[3]),
                buffers: Array(frames[(d + 6)...])))
        } catch {
            throw .malformedMessage(reason: "invalid JSON: \(error)")
        }
    }
}
