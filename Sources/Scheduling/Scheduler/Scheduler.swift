import Foundation
import Logging

/// Fires cron slots into the queue and requeues runs whose worker vanished. Each slot fires at
/// most once however many schedulers run or restart: the store's unique (job, slot) constraint
/// decides, so this loop can be naive about who else is firing.
public actor Scheduler {
    private let store: any SchedulingStore
    private let wakeup: WorkerWakeup
    private let options: SchedulerOptions
    private let logger: Logger
    private var stopping = false
    /// Where each job's schedule is read from when it has never fired: the moment this process
    /// first saw it. A new job does not fire for slots before it existed.
    private var firstSeen: [String: Date] = [:]
    /// The newest slot considered (fired or deliberately skipped) per job, ahead of the store.
    private var considered: [String: Date] = [:]
    private var random = SystemRandomNumberGenerator()

    public init(store: any SchedulingStore, wakeup: WorkerWakeup, options: SchedulerOptions = SchedulerOptions(),
                logger: Logger = Logger(label: "quire.scheduler")) {
        self.store = store
        self.wakeup = wakeup
        self.options = options
        self.logger = logger
    }

    public func run() async {
        while !stopping {
            await tick(now: Date())
            try? await Task.sleep(for: options.tick)
        }
    }

    public func stop() { stopping = true }

    /// One pass: lease expiry, then every active scheduled job. Public for tests that drive time.
    public func tick(now: Date) async {
        do {
            let requeued = try await store.expireLeases(now: now) { run in
                LeaseExpiry.retryAt(for: run, now: now)
            }
            for run in requeued {
                logger.warning("run \(run.id): its worker stopped answering; now \(run.status.rawValue)")
            }
            if requeued.contains(where: { $0.status == .queued }) { await wakeup.signal() }
        } catch {
            logger.error("lease expiry failed: \(error)")
        }
        let jobs: [StoredJob]
        do { jobs = try await store.jobs() } catch {
            logger.error("cannot read jobs: \(error)")
            return
        }
        for stored in jobs where stored.active {
            guard let job = try? JobDefinition.decode(stored.definition), let schedule = job.schedule, job.active else { continue }
            do { try await fireDue(job, schedule: schedule, now: now) } catch {
                logger.error("job \(job.name): scheduling failed: \(error)")
            }
        }
    }

    private func fireDue(_ job: JobDefinition, schedule: CronSchedule, now: Date) async throws {
        // Every replica ticks every second: a job with nothing due since the slot this process last
        // considered costs no query, so the database load does not grow with jobs × replicas × ticks.
        if let last = considered[job.name], let next = schedule.nextFire(after: last, in: job.timeZone), next > now {
            return
        }
        let fired = try await store.lastScheduledSlot(job: job.name)
        let seen = firstSeen[job.name] ?? now
        firstSeen[job.name] = seen
        let cursor = [fired, considered[job.name]].compactMap { $0 }.max() ?? seen
        let due = schedule.fires(after: cursor, through: now, in: job.timeZone, limit: CatchUpPolicy.maximumSlots + 1)
        guard let newest = due.last else {
            considered[job.name] = cursor
            return
        }
        considered[job.name] = newest
        // Slots a little late (a busy tick, a quick restart) are on time; older ones are missed
        // and the job's catch-up policy decides which of them still run.
        let onTime = due.filter { now.timeIntervalSince($0) <= options.misfireGrace }
        var slots = onTime
        if due.count > onTime.count {
            let missed = job.catchUp.slotsToFire(schedule: schedule, timeZone: job.timeZone, lastScheduled: cursor,
                                                 now: now.addingTimeInterval(-options.misfireGrace))
            slots = missed + onTime
        }
        for slot in slots { try await fire(job, slot: slot, now: now) }
    }

    private func fire(_ job: JobDefinition, slot: Date, now: Date) async throws {
        let active = try await store.activeRuns(job: job.name)
        switch job.concurrency {
        case .allow:
            break
        case .forbid where active.contains(where: { $0.scheduledFor == slot }):
            return
        case .forbid where !active.isEmpty:
            logger.info("job \(job.name): slot \(slot) skipped, run \(active[0].id) is still \(active[0].status.rawValue) (concurrency: forbid)")
            return
        case .replace:
            // Another scheduler may have fired this very slot a moment ago: its run is the
            // replacement, not a run to replace.
            for run in active where (run.scheduledFor.map { $0 < slot } ?? true) {
                _ = try? await store.requestCancel(run.id, now: now)
            }
        case .forbid:
            break
        }
        let new = try RunFactory.newRun(for: job, scheduledFor: slot, owner: nil, now: now)
        if let run = try await store.fireSlot(new, now: now) {
            logger.info("job \(job.name): fired slot \(slot) as run \(run.id)")
            await wakeup.signal()
        }
    }

    /// When the job fires next, for display.
    public nonisolated static func nextFire(of job: JobDefinition, after now: Date) -> Date? {
        guard job.active, let schedule = job.schedule else { return nil }
        return schedule.nextFire(after: now, in: job.timeZone)
    }
}

public struct SchedulerOptions: Sendable {
    public var tick: Duration
    /// Seconds a slot may be late and still count as on time (not subject to the catch-up policy).
    public var misfireGrace: Double

    public init(tick: Duration = .seconds(1), misfireGrace: Double = 60) {
        self.tick = tick
        self.misfireGrace = misfireGrace
    }
}
