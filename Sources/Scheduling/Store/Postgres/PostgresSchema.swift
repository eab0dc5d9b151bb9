/// Versioned schema of the PostgreSQL backend, in the same shape as `SQLiteSchema`. Migrations
/// are append-only: a released step is never edited, a change is a new step. Each step is a list
/// of single statements (the extended query protocol takes one at a time).
enum PostgresSchema {
    struct Migration: Sendable {
        let version: Int
        let name: String
        let statements: [String]
    }

    /// Key of the transaction-scoped advisory lock that serialises migrations between processes
    /// starting at once ("QUIRE" in ASCII).
    static let migrationLock: Int64 = 0x51_55_49_52_45

    static let migrations: [Migration] = [
        Migration(version: 1, name: "runs, transitions, jobs", statements: v1),
        Migration(version: 2, name: "run events, queue and event notifications", statements: v2),
    ]

    /// NOTIFY channel: a run became claimable (payload empty, so that PostgreSQL folds the
    /// notifications of one transaction into one).
    static let queueChannel = "quire_queue"
    /// NOTIFY channel: events were appended (payload the run id; events themselves can be
    /// megabytes, past the 8000-byte payload limit, so listeners read them from `run_events`).
    static let eventsChannel = "quire_events"

    static let statuses = RunStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS quire_schema_migrations (
            version BIGINT PRIMARY KEY,
            name TEXT NOT NULL,
            applied BIGINT NOT NULL
        )
        """

    // Times are UTC microseconds as in SQLite; JSON columns hold compact JSON text (jsonb would
    // reorder object keys, and runs must read back exactly as written); identifiers use the "C"
    // collation so that they sort bytewise like their creation time.
    private static let v1 = [
        """
        CREATE TABLE runs (
            id TEXT COLLATE "C" PRIMARY KEY,
            job TEXT,
            notebook TEXT NOT NULL,
            parameters TEXT NOT NULL,
            secret_names TEXT[] NOT NULL,
            kernel TEXT,
            kernel_resolved TEXT,
            timeout DOUBLE PRECISION,
            attempt BIGINT NOT NULL,
            max_attempts BIGINT NOT NULL CHECK (max_attempts >= 1),
            retry_backoff DOUBLE PRECISION NOT NULL,
            max_backoff DOUBLE PRECISION NOT NULL,
            status TEXT NOT NULL CHECK (status IN (\(statuses))),
            tags TEXT[] NOT NULL,
            owner TEXT,
            labels TEXT[] NOT NULL,
            scheduled_for BIGINT,
            idempotency_key TEXT,
            rerun_of TEXT COLLATE "C",
            spec TEXT NOT NULL,
            created BIGINT NOT NULL,
            not_before BIGINT NOT NULL,
            started BIGINT,
            finished BIGINT,
            worker TEXT,
            lease_expires BIGINT,
            cancel_requested BOOLEAN NOT NULL,
            input_sha256 TEXT,
            input_snapshot TEXT,
            output TEXT,
            error_ename TEXT,
            error_evalue TEXT,
            error_cell BIGINT
        )
        """,
        // Newest-first listings page on id within each filter.
        "CREATE INDEX runs_job_id ON runs (job, id)",
        "CREATE INDEX runs_status_id ON runs (status, id)",
        "CREATE INDEX runs_owner_id ON runs (owner, id)",
        // The queue: only queued runs, in the order they became ready.
        "CREATE INDEX runs_queue ON runs (not_before, id) WHERE status = 'queued'",
        // The lease reaper and restart reconciliation read running runs only.
        "CREATE INDEX runs_running ON runs (lease_expires) WHERE status = 'running'",
        "CREATE INDEX runs_active ON runs (job, created) WHERE status IN ('queued', 'running')",
        // One run per cron slot (NULL slots, ad-hoc runs, never collide).
        "CREATE UNIQUE INDEX runs_slot ON runs (job, scheduled_for)",
        // One run per idempotency key and owner; no owner is one owner.
        """
        CREATE UNIQUE INDEX runs_idempotency ON runs ((coalesce(owner, '')), idempotency_key)
            WHERE idempotency_key IS NOT NULL
        """,
        """
        CREATE TABLE run_tags (
            tag TEXT NOT NULL,
            run_id TEXT COLLATE "C" NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            PRIMARY KEY (tag, run_id)
        )
        """,
        """
        CREATE TABLE run_params (
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            run_id TEXT COLLATE "C" NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            PRIMARY KEY (name, value, run_id)
        )
        """,
        """
        CREATE TABLE run_transitions (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            run_id TEXT COLLATE "C" NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            attempt BIGINT NOT NULL,
            status TEXT NOT NULL,
            at BIGINT NOT NULL,
            worker TEXT,
            note TEXT
        )
        """,
        "CREATE INDEX run_transitions_run ON run_transitions (run_id, seq)",
        """
        CREATE TABLE jobs (
            name TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('config', 'api')),
            active BOOLEAN NOT NULL,
            owner TEXT,
            tags TEXT[] NOT NULL,
            created BIGINT NOT NULL,
            updated BIGINT NOT NULL
        )
        """,
    ]

    // Notifications come from triggers rather than from each store method, so that every path that
    // queues a run (create, slot, retry, lease expiry, restart reconciliation, and any later one)
    // wakes workers, inside the transaction that made the change: listeners hear of it only once
    // it is committed, and never of a rolled-back one.
    private static let v2 = [
        """
        CREATE TABLE run_events (
            id BIGSERIAL PRIMARY KEY,
            run_id TEXT COLLATE "C" NOT NULL,
            at BIGINT NOT NULL,
            name TEXT NOT NULL,
            data TEXT NOT NULL
        )
        """,
        // Replay and relay read one run's events after a known id.
        "CREATE INDEX run_events_run ON run_events (run_id, id)",
        """
        CREATE FUNCTION quire_notify_queue() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('\(queueChannel)', '');
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE TRIGGER runs_queued_insert AFTER INSERT ON runs
            FOR EACH ROW WHEN (NEW.status = 'queued') EXECUTE FUNCTION quire_notify_queue()
        """,
        // Every update sets status; only a change into `queued` (a retry, a requeue) is news.
        """
        CREATE TRIGGER runs_queued_update AFTER UPDATE OF status ON runs
            FOR EACH ROW WHEN (NEW.status = 'queued' AND OLD.status <> 'queued') EXECUTE FUNCTION quire_notify_queue()
        """,
        """
        CREATE FUNCTION quire_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('\(eventsChannel)', NEW.run_id);
            RETURN NULL;
        END
        $$
        """,
        // PostgreSQL drops duplicate notifications within a transaction: one per run per batch.
        """
        CREATE TRIGGER run_events_appended AFTER INSERT ON run_events
            FOR EACH ROW EXECUTE FUNCTION quire_notify_events()
        """,
    ]
}
