import GRDB

/// Versioned schema of the SQLite backend. Migrations are append-only: a released one is never
/// edited, a change is a new registered step.
enum SQLiteSchema {
    static let statuses = RunStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: runs, transitions, jobs", migrate: v1)
        m.registerMigration("v2: run events", migrate: v2)
        return m
    }

    private static func v1(_ db: Database) throws {
        // Times are UTC microseconds; JSON columns hold compact JSON text.
        try db.execute(sql: """
            CREATE TABLE runs (
                id TEXT PRIMARY KEY NOT NULL,
                job TEXT,
                notebook TEXT NOT NULL,
                parameters TEXT NOT NULL,
                secret_names TEXT NOT NULL,
                kernel TEXT,
                kernel_resolved TEXT,
                timeout REAL,
                attempt INTEGER NOT NULL,
                max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
                retry_backoff REAL NOT NULL,
                max_backoff REAL NOT NULL,
                status TEXT NOT NULL CHECK (status IN (\(statuses))),
                tags TEXT NOT NULL,
                owner TEXT,
                labels TEXT NOT NULL,
                scheduled_for INTEGER,
                idempotency_key TEXT,
                rerun_of TEXT,
                spec TEXT NOT NULL,
                created INTEGER NOT NULL,
                not_before INTEGER NOT NULL,
                started INTEGER,
                finished INTEGER,
                worker TEXT,
                lease_expires INTEGER,
                cancel_requested INTEGER NOT NULL,
                input_sha256 TEXT,
                input_snapshot TEXT,
                output TEXT,
                error_ename TEXT,
                error_evalue TEXT,
                error_cell INTEGER
            );
            -- Newest-first listings page on id within each filter.
            CREATE INDEX runs_job_id ON runs (job, id);
            CREATE INDEX runs_status_id ON runs (status, id);
            CREATE INDEX runs_owner_id ON runs (owner, id);
            -- The queue: ready runs in the order they became ready, without a sort.
            CREATE INDEX runs_claim ON runs (status, not_before, id);
            -- Concurrency policies read a job's unfinished runs, few among its history.
            CREATE INDEX runs_active ON runs (job, created) WHERE status IN ('queued', 'running');
            -- One run per cron slot (NULL slots, i.e. ad-hoc runs, never collide).
            CREATE UNIQUE INDEX runs_slot ON runs (job, scheduled_for);
            -- One run per idempotency key and owner; no owner is one owner.
            CREATE UNIQUE INDEX runs_idempotency ON runs (coalesce(owner, ''), idempotency_key)
                WHERE idempotency_key IS NOT NULL;

            -- Tag and parameter filters read these instead of parsing JSON on every row.
            CREATE TABLE run_tags (
                tag TEXT NOT NULL,
                run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                PRIMARY KEY (tag, run_id)
            ) WITHOUT ROWID;
            CREATE TABLE run_params (
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                PRIMARY KEY (name, value, run_id)
            ) WITHOUT ROWID;

            CREATE TABLE run_transitions (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                attempt INTEGER NOT NULL,
                status TEXT NOT NULL,
                at INTEGER NOT NULL,
                worker TEXT,
                note TEXT
            );
            CREATE INDEX run_transitions_run ON run_transitions (run_id, seq);

            CREATE TABLE jobs (
                name TEXT PRIMARY KEY NOT NULL,
                definition TEXT NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('config', 'api')),
                active INTEGER NOT NULL,
                owner TEXT,
                tags TEXT NOT NULL,
                created INTEGER NOT NULL,
                updated INTEGER NOT NULL
            );
            """)
    }

    private static func v2(_ db: Database) throws {
        // AUTOINCREMENT: an id is never handed out twice, even after pruning emptied the table, so
        // a reader's "after id N" stays meaningful.
        try db.execute(sql: """
            CREATE TABLE run_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                name TEXT NOT NULL,
                data TEXT NOT NULL
            );
            CREATE INDEX run_events_run ON run_events (run_id, id);
            """)
    }
}
