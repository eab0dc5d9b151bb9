import Foundation
import JupyterKernel
import NotebookStorage
import Scheduling

/// Everything the request handlers share.
final class ServerState: Sendable {
    let store: any SchedulingStore
    let hub: RunEventHub
    /// Relays events written to the database by any process into `hub`; nil when events stay in
    /// this process (SQLite: every worker is embedded here).
    let relay: StoreEventRelay?
    let wakeup: WorkerWakeup
    let check: NotebookCheck
    let outputStore: any NotebookStore
    /// The key prefix under which runs are written in `outputStore` ("" for the store's root);
    /// the store browser shows nothing above it.
    let outputPrefix: String
    let pool: KernelPool?
    let jobs: JobService
    let metrics: ServerMetrics
    let options: ServerOptions

    init(store: any SchedulingStore, hub: RunEventHub, relay: StoreEventRelay? = nil, wakeup: WorkerWakeup, check: NotebookCheck, outputStore: any NotebookStore,
         outputPrefix: String = "", pool: KernelPool?, jobs: JobService, metrics: ServerMetrics, options: ServerOptions) {
        self.store = store
        self.hub = hub
        self.relay = relay
        self.wakeup = wakeup
        self.check = check
        self.outputStore = outputStore
        self.outputPrefix = outputPrefix
        self.pool = pool
        self.jobs = jobs
        self.metrics = metrics
        self.options = options
    }
}
