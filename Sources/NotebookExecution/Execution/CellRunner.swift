import JupyterKernel
import NotebookFormat
import Synchronization

/// Sends one code cell and collects what comes back, while a watchdog enforces the per-cell timeout
/// and stop requests: it interrupts the kernel, gives it `interruptGrace` to finish the cell (so the
/// KeyboardInterrupt lands in the notebook), and shuts the kernel down if it does not.
struct CellRunner {
    let options: ExecutionOptions
    let client: KernelClient
    let control: RunControl

    /// Why the watchdog stepped in, if it did.
    enum Intervention: Sendable { case timeout(Double), stop(StopRequest) }

    func run(cell i: Int, in nb: inout Notebook, collector: inout OutputCollector,
             observer: some ExecutionObserver) async -> CellEnding {
        let allows = options.allowErrors || nb.cells[i].tags.contains("raises-exception")
        if options.recordTiming { nb.cells[i].metadata["execution"] = .object(JSONObject()) }
        collector.beginCell()
        let intervention = Mutex<Intervention?>(nil)
        let stream = await client.execute(nb.cells[i].source, options: ExecuteOptions(stopOnError: !allows))
        let watchdog = Task { [options, client, control] in
            let deadline = options.cellTimeout.map { ContinuousClock.now + $0 }
            while !Task.isCancelled {
                if let stop = control.stopRequest {
                    intervention.withLock { $0 = .stop(stop) }
                    break
                }
                if let deadline, ContinuousClock.now >= deadline {
                    intervention.withLock { $0 = .timeout(Self.seconds(options.cellTimeout!)) }
                    break
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
            if Task.isCancelled { return }
            try? await client.interrupt()
            try? await Task.sleep(for: options.interruptGrace)
            if Task.isCancelled { return }
            await client.shutdown()
        }
        defer { watchdog.cancel() }

        var status = ""
        var failure: (any Error)? = nil
        var lastNotice = ContinuousClock.now
        do {
            for try await event in stream {
                if case .reply(let m) = event { status = m.content["status"]?.stringValue ?? "" }
                let output = collector.apply(event, to: &nb, cell: i)
                for sync in collector.takeSyncs() {
                    await client.sendCommMessage(commID: sync.commID, data: sync.data, parent: sync.parent)
                }
                if let output {
                    await observer.output(output, cell: i)
                    // The saver throttles writes anyway; this only bounds how often it is offered a copy.
                    if ContinuousClock.now - lastNotice > .milliseconds(250) {
                        lastNotice = ContinuousClock.now
                        await observer.notebookChanged(nb, important: false)
                    }
                }
            }
        } catch {
            failure = error
        }
        watchdog.cancel()
        switch intervention.withLock({ $0 }) {
        case .timeout(let s)?:
            // With --allow-errors a timed-out cell that the interrupt ended (kernel still up) is one more
            // recorded error (its KeyboardInterrupt), and the run goes on — nbclient's
            // interrupt_on_timeout + allow_errors (reference §6.4, corpus `Interrupt.ipynb`).
            if options.allowErrors && failure == nil && status == "error" { return .error(allowed: true, systemExitClean: false) }
            return .timedOut(seconds: s)
        case .stop(let r)?: return .stopped(r)
        case nil: break
        }
        if let failure, let k = failure as? KernelError {
            switch k {
            case .inputNotSupported:
                // The kernel's own StdinNotImplementedError is terse; say what to do instead.
                nb.cells[i].outputs.append(.stream(name: "stderr", text: k.description + "\n"))
                return .error(allowed: allows, systemExitClean: false)
            default: return .kernelDied(k.description)
            }
        } else if let failure {
            return .kernelDied("\(failure)")
        }
        guard status == "error" || status == "aborted" else { return .ok }
        let clean = collector.error.map { $0.ename == "SystemExit" && ($0.evalue == "" || $0.evalue == "0") } ?? false
        return .error(allowed: allows, systemExitClean: clean)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
