import NotebookFormat

extension KernelConnection {
    /// Routes one received multipart message. Runs on the I/O thread.
    func handle(frames: [[UInt8]], channel: Channel?, history: inout SignatureHistory) {
        let message: JupyterMessage
        do {
            switch try codec.decode(frames, history: &history) {
            case .message(let m): message = m
            case .badSignature(let type):
                logger.warning("dropped \(type) message with a bad signature", metadata: ["session": "\(session)"])
                return
            case .replayed(let type):
                logger.warning("dropped replayed \(type) message (duplicate signature)", metadata: ["session": "\(session)"])
                return
            }
        } catch {
            logger.warning("dropped undecodable message: \(error)")
            return
        }
        switch channel {
        case nil: handleIOPub(message)
        case .shell?, .control?: handleReply(message)
        case .stdin?: handleInputRequest(message)
        }
    }

    private func handleIOPub(_ message: JupyterMessage) {
        let type = message.msgType
        let finished: PendingRequest? = state.withLock { s in
            s.iopubSeen = true
            if type.hasPrefix("comm_") { Self.record(comm: message, in: &s.comms) }
            guard let id = message.parentMsgID, var p = s.pending[id] else { return nil }
            p.continuation.yield(.iopub(message))
            if type == "status", message.content["execution_state"]?.stringValue == "idle" { p.gotIdle = true }
            if type == "error", message.content["ename"]?.stringValue == "StdinNotImplementedError" {
                p.refusal = .inputNotSupported(prompt: "")
            }
            return Self.store(p, id: id, in: &s)
        }
        finished?.finish()
    }

    private func handleReply(_ message: JupyterMessage) {
        let finished: PendingRequest? = state.withLock { s in
            guard let id = message.parentMsgID, var p = s.pending[id] else { return nil }
            p.continuation.yield(.reply(message))
            p.gotReply = true
            p.idleDeadline = .now + idleGrace
            return Self.store(p, id: id, in: &s)
        }
        finished?.finish()
    }

    /// Quire never offers stdin, so a kernel asking anyway gets an empty answer (it must get some
    /// answer or it blocks forever) and the cell's stream ends with `inputNotSupported`.
    private func handleInputRequest(_ message: JupyterMessage) {
        guard message.msgType == "input_request" else { return }
        let prompt = message.content["prompt"]?.stringValue ?? ""
        state.withLock { s in
            if let id = message.parentMsgID { s.pending[id]?.refusal = .inputNotSupported(prompt: prompt) }
        }
        var reply = makeMessage("input_reply", content: ["value": ""])
        reply.parentHeader = message.header
        send(reply, on: .stdin)
    }

    /// Keeps `p` pending, or removes and returns it when complete so the caller finishes it
    /// outside the lock.
    private static func store(_ p: PendingRequest, id: String, in s: inout State) -> PendingRequest? {
        if p.isComplete {
            s.pending[id] = nil
            return p
        }
        s.pending[id] = p
        return nil
    }

    private static func record(comm message: JupyterMessage, in comms: inout [String: CommRecord]) {
        guard let id = message.content["comm_id"]?.stringValue else { return }
        let data = message.content["data"] ?? [:]
        switch message.msgType {
        case "comm_open":
            comms[id] = CommRecord(
                commID: id, targetName: message.content["target_name"]?.stringValue ?? "",
                messages: [data], isOpen: true)
        case "comm_msg": comms[id]?.messages.append(data)
        case "comm_close": comms[id]?.isOpen = false
        default: break
        }
    }
}
