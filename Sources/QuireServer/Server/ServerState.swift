import Foundation
import JupyterKernel
import NotebookStorage
import Scheduling

/// Everything the request handlers share.
final class ServerState: Sendable {
    let store: any SchedulingStore
    let hub: RunEventHub
    let wakeup: WorkerWakeup
    let check: NotebookCheck
    let outputStore: any NotebookStore
    let pool: KernelPool?
    let jobs: JobService
    let metrics: ServerMetrics
    let options: ServerOptions

    init(store: any SchedulingStore, hub: RunEventHub, wakeup: WorkerWakeup, check: NotebookCheck, outputStore: any NotebookStore,
         pool: KernelPool?, jobs: JobService, metrics: ServerMetrics, options: ServerOptions) {
        self.store = store
        self.hub = hub
        self.wakeup = wakeup
        self.check = check
        self.outputStore = outputStore
        self.pool = pool
        self.jobs = jobs
        self.metrics = metrics
        self.options = options
    }
}
