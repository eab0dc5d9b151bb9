import Foundation
import NotebookExecution
import NotebookFormat
import QuireTestSupport
import Testing
@testable import Scheduling

@Suite struct QuireConfigTests {
    @Test func emptyFileIsTheDefaults() throws {
        let config = try QuireConfig.parse(yaml: "# nothing yet\n", file: "quire.yaml")
        #expect(config == QuireConfig())
        #expect(config.host == "127.0.0.1" && config.port == 8080 && config.data == "./quire-data")
        #expect(config.storeLocation == "./quire-data/runs")
        #expect(config.databaseLocation == "sqlite:./quire-data/quire.db")
        #expect(config.workerCount == ProcessInfo.processInfo.activeProcessorCount)
        #expect(config.pool == KernelPoolSettings(size: 1, idle: 3600))
        #expect(config.lease == LeaseSettings(duration: 60, heartbeat: 15))
        #expect(config.logLevel == .info && config.tokens.isEmpty && config.jobs.isEmpty)
    }

    @Test func readsEveryOption() throws {
        let yaml = """
            host: 0.0.0.0
            port: 9090
            data: /var/lib/quire
            store: s3://bucket/runs
            database: postgres://quire@db/quire
            workers: 0
            pool: {size: 3, idle: 120.5}
            lease: {duration: 30, heartbeat: 5}
            tokens:
              - {token: s3cret, user: ana, admin: true}
              - {token_env: BOB_TOKEN, user: bob}
            worker_labels: [gpu, big]
            worker_poll: 0.5
            drain_grace: 0
            log_level: DEBUG
            jobs:
              - {name: a, notebook: a.ipynb, schedule: "@hourly"}
              - {name: b, notebook: b.ipynb}
            """
        let config = try QuireConfig.parse(yaml: yaml, file: "quire.yaml")
        #expect(config.host == "0.0.0.0" && config.port == 9090 && config.data == "/var/lib/quire")
        #expect(config.storeLocation == "s3://bucket/runs" && config.databaseLocation == "postgres://quire@db/quire")
        #expect(config.workerCount == 0)
        #expect(config.pool == KernelPoolSettings(size: 3, idle: 120.5))
        #expect(config.lease == LeaseSettings(duration: 30, heartbeat: 5))
        #expect(config.tokens == [AccessToken(source: .inline("s3cret"), user: "ana", admin: true),
                                  AccessToken(source: .environment("BOB_TOKEN"), user: "bob")])
        #expect(config.workerLabels == ["gpu", "big"] && config.workerPoll == 0.5 && config.drainGrace == 0 && config.logLevel == .debug)
        #expect(config.jobs.map(\.name) == ["a", "b"])
        #expect(config.jobs[0].schedule?.description == "0 * * * *")

        let table = try config.tokenTable(environment: ["BOB_TOKEN": "b0b"])
        #expect(table["s3cret"]?.user == "ana" && table["b0b"]?.user == "bob" && table.count == 2)
        let unset = #expect(throws: SchedulingError.self) { try config.tokenTable(environment: [:]) }
        #expect(unset?.description == "tokens[1].token_env: the environment variable BOB_TOKEN is not set in the server's environment")
        let same = #expect(throws: SchedulingError.self) { try config.tokenTable(environment: ["BOB_TOKEN": "s3cret"]) }
        #expect(same?.description == "tokens[1]: the same token as tokens[0]")
    }

    /// Bad files: YAML syntax (with line and column), then values (with their key path).
    static let errors: [(String, String)] = [
        ("port: [8080\nhost: x\n", "quire.yaml: invalid YAML: did not find expected ',' or ']' (line 2, column 5) while parsing a flow sequence (line 1, column 7)"),
        ("jobs:\n  - name: a\n   notebook: b\n", "quire.yaml: invalid YAML: did not find expected '-' indicator (line 3, column 4) while parsing a block collection (line 2, column 3)"),
        ("schedule: */5 * * * *\n", "quire.yaml: invalid YAML: did not find expected alphabetic or numeric character (line 1, column 12) while scanning an alias (line 1, column 11)"),
        ("port: 1\nport: 2\n", "quire.yaml: invalid YAML: the key 'port' appears twice in one mapping (line 1, column 1)"),
        ("- a\n- b\n", "quire.yaml: (top level): expected an object, found a list"),
        ("prot: 80\n", "quire.yaml: (top level): unknown key \"prot\" (did you mean \"port\"?)"),
        ("workerLabels: [a]\n", "quire.yaml: (top level): unknown key \"workerLabels\" (did you mean \"worker_labels\"?)"),
        ("port: 70000\n", "quire.yaml: port: expected a port number 0-65535, found 70000"),
        ("port: http\n", "quire.yaml: port: expected a port number 0-65535, found \"http\""),
        ("host: ''\n", "quire.yaml: host: expected a non-empty string, found \"\""),
        ("workers: -1\n", "quire.yaml: workers: expected an integer ≥ 0, found -1"),
        ("pool: 3\n", "quire.yaml: pool: expected an object, found 3"),
        ("pool: {size: 1.5}\n", "quire.yaml: pool.size: expected an integer ≥ 0, found 1.5"),
        ("pool: {idel: 5}\n", "quire.yaml: pool: unknown key \"idel\" (did you mean \"idle\"?)"),
        ("lease: {duration: 10, heartbeat: 10}\n", "quire.yaml: lease.heartbeat: expected fewer seconds than lease.duration (10), found 10"),
        ("lease: {duration: 0}\n", "quire.yaml: lease.duration: expected a number of seconds > 0, found 0"),
        ("tokens: abc\n", "quire.yaml: tokens: expected a list of {token, user, admin}, found \"abc\""),
        ("tokens: [{user: a}]\n", "quire.yaml: tokens[0]: missing required key \"token\""),
        ("tokens: [{token: x}]\n", "quire.yaml: tokens[0]: missing required key \"user\""),
        ("tokens: [{token: x, token_env: Y, user: a}]\n", "quire.yaml: tokens[0]: expected either token or token_env, found both"),
        ("tokens: [{token_env: 'a b', user: a}]\n", "quire.yaml: tokens[0].token_env: expected the name of an environment variable, found \"a b\""),
        ("tokens: [{token: x, user: a, admin: maybe}]\n", "quire.yaml: tokens[0].admin: expected true or false, found \"maybe\""),
        ("tokens: [{token: x, user: a}, {token: x, user: b}]\n", "quire.yaml: tokens[1]: the same token as tokens[0]"),
        ("worker_labels: gpu\n", "quire.yaml: worker_labels: expected a list of strings, found \"gpu\""),
        ("worker_poll: 0\n", "quire.yaml: worker_poll: expected a number of seconds > 0, found 0"),
        ("worker_poll: soon\n", "quire.yaml: worker_poll: expected a number of seconds > 0, found \"soon\""),
        ("drain_grace: -1\n", "quire.yaml: drain_grace: expected a number of seconds ≥ 0, found -1"),
        ("log_level: loud\n", "quire.yaml: log_level: expected one of trace, debug, info, notice, warning, error, critical, found \"loud\""),
        ("jobs: {name: a}\n", "quire.yaml: jobs: expected a list of job definitions, found an object"),
        ("jobs:\n  - {name: a, notebook: a}\n  - {name: b, notebook: b, timezone: Mars/Olympus}\n", "quire.yaml: jobs[1].timezone: unknown time zone \"Mars/Olympus\""),
        ("jobs:\n  - {name: a, notebook: a}\n  - {name: b, notebook: b}\n  - {name: a, notebook: c}\n", "quire.yaml: jobs[2]: duplicate job name \"a\" (already used by jobs[0])"),
        ("jobs:\n  - {name: a, notebook: a, retries: {max_attempts: three}}\n", "quire.yaml: jobs[0].retries.max_attempts: expected an integer ≥ 1, found \"three\""),
        ("jobs:\n  - {name: a, notebook: a, schedule: '0 0 31 2 *'}\n", "quire.yaml: jobs[0].schedule: cron \"0 0 31 2 *\": day-of-month field: day 31 never occurs in February"),
    ]

    @Test(arguments: errors)
    func rejects(yaml: String, message: String) {
        let error = #expect(throws: SchedulingError.self) { try QuireConfig.parse(yaml: yaml, file: "quire.yaml") }
        #expect(error?.description == message)
    }

    @Test func loadsFilesAndNamesTheMissingOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("quire.yaml").path
        // UTF-8 with a byte order mark, as some editors save it.
        try Data([0xEF, 0xBB, 0xBF] + Array("port: 0\njobs: [{name: é, notebook: x}]\n".utf8)).write(to: URL(fileURLWithPath: file))
        let error = #expect(throws: SchedulingError.self) { try QuireConfig.load(file: file) }
        #expect(error?.description.hasPrefix("\(file): jobs[0].name: expected a name of letters") == true)
        try Data("port: 0\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try QuireConfig.load(file: file).port == 0)

        let missing = folder.appendingPathComponent("absent.yaml").path
        let notFound = #expect(throws: SchedulingError.self) { try QuireConfig.load(file: missing) }
        #expect(notFound?.description == "\(missing): cannot read the configuration file: no such file")
        let isFolder = #expect(throws: SchedulingError.self) { try QuireConfig.load(file: folder.path) }
        #expect(isFolder?.description == "\(folder.path): cannot read the configuration file: it is a folder")
        try Data("port: [\n".utf8).write(to: URL(fileURLWithPath: file))
        let bad = #expect(throws: SchedulingError.self) { try QuireConfig.load(file: file) }
        #expect(bad?.description.hasPrefix("\(file): invalid YAML: ") == true)
    }

    @Test func environmentOverridesTheFile() throws {
        var config = try QuireConfig.parse(yaml: "port: 9000\ntokens: [{token: t, user: ana}]\n", file: "quire.yaml")
        config = try config.overriding(environment: [
            "QUIRE_HOST": "0.0.0.0", "QUIRE_PORT": "0", "QUIRE_DATA": "/data", "QUIRE_STORE": "s3://b/p",
            "QUIRE_DATABASE_URL": "postgres://db/q", "QUIRE_WORKERS": "4", "QUIRE_WORKER_POLL": "300", "QUIRE_DRAIN_GRACE": "5", "QUIRE_POOL_SIZE": "0",
            "QUIRE_LOG_LEVEL": "Warning", "QUIRE_TOKEN": "root-token", "HOME": "/root",
        ])
        #expect(config.host == "0.0.0.0" && config.port == 0 && config.data == "/data")
        #expect(config.store == "s3://b/p" && config.database == "postgres://db/q")
        #expect(config.workers == 4 && config.workerPoll == 300 && config.drainGrace == 5 && config.pool.size == 0 && config.logLevel == .warning)
        #expect(config.tokens == [AccessToken(source: .inline("t"), user: "ana"),
                                  AccessToken(source: .inline("root-token"), user: "admin", admin: true)])
        // Unset variables change nothing.
        #expect(try config.overriding(environment: [:]) == config)
    }

    static let environmentErrors: [(String, String, String)] = [
        ("QUIRE_PORT", "http", "QUIRE_PORT=\"http\": expected a port number 0-65535"),
        ("QUIRE_PORT", "65536", "QUIRE_PORT=\"65536\": expected a port number 0-65535"),
        ("QUIRE_WORKERS", "-2", "QUIRE_WORKERS=\"-2\": expected an integer ≥ 0"),
        ("QUIRE_WORKER_POLL", "0", "QUIRE_WORKER_POLL=\"0\": expected a number of seconds > 0"),
        ("QUIRE_WORKER_POLL", "nan", "QUIRE_WORKER_POLL=\"nan\": expected a number of seconds > 0"),
        ("QUIRE_DRAIN_GRACE", "-3", "QUIRE_DRAIN_GRACE=\"-3\": expected a number of seconds ≥ 0"),
        ("QUIRE_POOL_SIZE", "many", "QUIRE_POOL_SIZE=\"many\": expected an integer ≥ 0"),
        ("QUIRE_LOG_LEVEL", "loud", "QUIRE_LOG_LEVEL=\"loud\": expected one of trace, debug, info, notice, warning, error, critical"),
        ("QUIRE_HOST", "", "QUIRE_HOST=\"\": expected a non-empty value"),
        ("QUIRE_TOKEN", "", "QUIRE_TOKEN=\"\": expected a non-empty value"),
    ]

    @Test(arguments: environmentErrors)
    func rejectsBadEnvironment(variable: String, value: String, message: String) {
        let error = #expect(throws: SchedulingError.self) { try QuireConfig().overriding(environment: [variable: value]) }
        #expect(error?.description == message)
    }

    /// The example shipped in examples/ parses, and its jobs name notebooks that exist and declare
    /// the parameters the jobs set.
    @Test func exampleFileParses() throws {
        let config = try QuireConfig.load(file: "\(TestPaths.root)/examples/quire.yaml")
        #expect(config.jobs.map(\.name) == ["hello", "daily-report-eu", "daily-report-us"])
        #expect(config.jobs[1].timeZoneName == "Europe/Berlin")
        #expect(config.jobs[1].retries == RetryPolicy(maxAttempts: 3, backoff: 60, maxBackoff: 900, jitter: .full))
        #expect(config.jobs[2].active == false && config.jobs[2].secrets == ["api_token": "REPORT_API_TOKEN"])
        var defaults = QuireConfig()
        defaults.jobs = config.jobs
        #expect(config == defaults, "the example documents the defaults")
        for job in config.jobs {
            let notebook = try Notebook.read(contentsOf: "\(TestPaths.root)/\(job.notebook)").notebook
            let declared = try #require(try ParameterInspector.inspect(notebook)).names
            #expect(Set(job.parameters.keys).isSubset(of: declared), "\(job.name)")
            #expect(job.schedule != nil)
        }
    }
}
