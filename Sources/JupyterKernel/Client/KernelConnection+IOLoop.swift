import CZMQ
import Glibc

/// The I/O thread's sockets. Created, used and closed on that thread only.
private struct Sockets {
    let context: ZMQContext
    let shell, control, stdin, iopub, heartbeat: ZMQSocket

    init(info: ConnectionInfo, identity: [UInt8]) throws(KernelError) {
        context = try ZMQContext()
        shell = try ZMQSocket(context: context, kind: .dealer)
        control = try ZMQSocket(context: context, kind: .dealer)
        stdin = try ZMQSocket(context: context, kind: .dealer)
        iopub = try ZMQSocket(context: context, kind: .sub)
        heartbeat = try ZMQSocket(context: context, kind: .dealer)
        // stdin must share shell's identity or input_request is routed nowhere.
        for s in [shell, control, stdin] { try s.setOption(ZMQ_ROUTING_ID, bytes: identity) }
        // Subscribe before connecting (nothing published in between is lost to a missing filter),
        // and never let the SUB queue drop messages: a lost idle would hang the cell.
        try iopub.setOption(ZMQ_SUBSCRIBE, bytes: [])
        try iopub.setOption(ZMQ_RCVHWM, 0)
        try shell.connect(info.endpoint(info.shellPort))
        try control.connect(info.endpoint(info.controlPort))
        try stdin.connect(info.endpoint(info.stdinPort))
        try iopub.connect(info.endpoint(info.iopubPort))
        try heartbeat.connect(info.endpoint(info.hbPort))
    }

    func socket(for channel: KernelConnection.Channel) -> ZMQSocket {
        switch channel {
        case .shell: shell
        case .control: control
        case .stdin: stdin
        }
    }

    func close() {
        for s in [shell, control, stdin, iopub, heartbeat] { s.close() }
        context.terminate()
    }
}

extension KernelConnection {
    static let heartbeatInterval: Duration = .milliseconds(250)
    /// Upper bound on how long a process exit or passed deadline can go unnoticed.
    static let housekeepingInterval = 50

    func runIOLoop() {
        let sockets: Sockets
        do { sockets = try Sockets(info: info, identity: Array(session.utf8)) } catch {
            stopLoop(failure: error, sockets: nil)
            return
        }
        var poller = ZMQPoller()
        let wakeIndex = poller.add(fd: wakeFD)
        let shellIndex = poller.add(sockets.shell)
        let controlIndex = poller.add(sockets.control)
        let stdinIndex = poller.add(sockets.stdin)
        let iopubIndex = poller.add(sockets.iopub)
        let hbIndex = poller.add(sockets.heartbeat)
        var lastPing = ContinuousClock.now - Self.heartbeatInterval
        var lastPong = ContinuousClock.now
        var failure: KernelError?
        var history = SignatureHistory()

        while true {
            do { try poller.poll(timeoutMilliseconds: Self.housekeepingInterval) } catch {
                failure = error
                break
            }
            if poller.isReadable(wakeIndex) {
                var buf = [UInt8](repeating: 0, count: 256)
                while read(wakeFD, &buf, 256) > 0 {}
            }
            let (outbox, stop) = state.withLock { s in
                defer { s.outbox.removeAll() }
                return (s.outbox, s.stopRequested)
            }
            if stop { break }
            do {
                var unsent: [(Channel, [[UInt8]])] = []
                for (channel, frames) in outbox {
                    if unsent.isEmpty, try sockets.socket(for: channel).send(frames) { continue }
                    unsent.append((channel, frames))
                }
                if !unsent.isEmpty {
                    // Keep order: retried first on the next turn (at most 50 ms later).
                    state.withLock { $0.outbox.insert(contentsOf: unsent, at: 0) }
                }
                if poller.isReadable(iopubIndex) { try drain(sockets.iopub, channel: nil, history: &history) }
                if poller.isReadable(shellIndex) { try drain(sockets.shell, channel: .shell, history: &history) }
                if poller.isReadable(controlIndex) { try drain(sockets.control, channel: .control, history: &history) }
                if poller.isReadable(stdinIndex) { try drain(sockets.stdin, channel: .stdin, history: &history) }
                if poller.isReadable(hbIndex) {
                    while try sockets.heartbeat.receive() != nil { lastPong = .now }
                }
                let now = ContinuousClock.now
                if now - lastPing >= Self.heartbeatInterval {
                    _ = try sockets.heartbeat.send([[], Array("ping".utf8)])
                    lastPing = now
                }
                try housekeeping(now: now, lastPong: &lastPong)
            } catch {
                failure = error
                break
            }
        }
        stopLoop(failure: failure, sockets: sockets)
    }

    private func drain(_ socket: ZMQSocket, channel: Channel?, history: inout SignatureHistory) throws(KernelError) {
        // Bounded so one flooding channel cannot starve the others or the heartbeat.
        for _ in 0..<1000 {
            guard let frames = try socket.receive() else { return }
            handle(frames: frames, channel: channel, history: &history)
        }
    }

    /// Process exit, heartbeat silence and request deadlines, all checked at least every 50 ms.
    private func housekeeping(now: ContinuousClock.Instant, lastPong: inout ContinuousClock.Instant) throws(KernelError) {
        if let process, let status = process.pollExit() {
            throw .kernelDied(status: status, stderr: process.logTail())
        }
        let armed = state.withLock { $0.heartbeatArmed }
        if !armed { lastPong = now }
        if now - lastPong > heartbeatTimeout {
            let silent = now - lastPong
            throw .heartbeatLost(silentFor: Double(silent.components.seconds) + Double(silent.components.attoseconds) / 1e18)
        }
        let expired: [PendingRequest] = state.withLock { s in
            let ids = s.pending.filter { $0.value.deadline.map { $0 <= now } ?? false }.map(\.key)
            return ids.compactMap { s.pending.removeValue(forKey: $0) }
        }
        let idleless: [PendingRequest] = state.withLock { s in
            let ids = s.pending.filter { $0.value.idleDeadline.map { $0 <= now } ?? false }.map(\.key)
            return ids.compactMap { s.pending.removeValue(forKey: $0) }
        }
        for p in idleless {
            logger.warning("\(p.msgType): no idle status \(idleGrace) after the reply; completing without it")
            p.finish()
        }
        for p in expired {
            let t = p.timeout ?? .zero
            p.continuation.finish(throwing: KernelError.timeout(
                request: p.msgType, seconds: Double(t.components.seconds) + Double(t.components.attoseconds) / 1e18))
        }
    }

    /// Fails everything pending, closes sockets and context, and wakes `close()` callers.
    private func stopLoop(failure: KernelError?, sockets: Sockets?) {
        let (pending, waiters, expected) = state.withLock { s in
            s.failure = s.failure ?? failure ?? .clientClosed
            s.stopped = true
            defer {
                s.pending.removeAll()
                s.stopWaiters.removeAll()
                s.outbox.removeAll()
            }
            return (Array(s.pending.values), s.stopWaiters, s.expectingExit)
        }
        let error = failure ?? .clientClosed
        for p in pending { p.continuation.finish(throwing: error) }
        if let failure {
            if expected { logger.debug("kernel exited: \(failure)") } else { logger.warning("kernel connection failed: \(failure)") }
        }
        sockets?.close()
        for w in waiters { w.resume() }
    }
}
