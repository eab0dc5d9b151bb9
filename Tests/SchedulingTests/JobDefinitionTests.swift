import Foundation
import NotebookFormat
import Testing
@testable import Scheduling

@Suite struct JobDefinitionTests {
    static let full: JSONValue = [
        "name": "daily-report.v2",
        "notebook": "s3://reports/{region}/daily.ipynb",
        "parameters": ["region": "eu", "limit": 10, "ratio": 0.5, "flags": [true, nil]],
        "secrets": ["api_key": "REPORT_API_KEY"],
        "secret_env": ["AWS_SECRET_ACCESS_KEY": "QUIRE_AWS_SECRET"],
        "env": ["LANG": "C.UTF-8"],
        "kernel": "python3",
        "schedule": "30 2 * * MON-FRI",
        "timezone": "Europe/Berlin",
        "timeout": 1800.5,
        "retries": ["max_attempts": 3, "backoff": 60, "max_backoff": 600, "jitter": "equal"],
        "concurrency": "replace",
        "catchup": ["policy": "all", "window": 3600],
        "tags": ["finance", "daily"],
        "owner": "ana@example.com",
        "active": false,
        "cwd": "/srv/reports",
        "requires": ["gpu"],
    ]

    @Test func decodesEveryField() throws {
        let job = try JobDefinition.decode(Self.full)
        #expect(job.name == "daily-report.v2")
        #expect(job.notebook == "s3://reports/{region}/daily.ipynb")
        #expect(job.parameters["limit"] == 10)
        #expect(job.secrets == ["api_key": "REPORT_API_KEY"])
        #expect(job.secretEnvironment == ["AWS_SECRET_ACCESS_KEY": "QUIRE_AWS_SECRET"])
        #expect(job.environment == ["LANG": "C.UTF-8"])
        #expect(job.kernel == "python3")
        #expect(job.schedule == (try CronSchedule(parsing: "30 2 * * 1-5")))
        #expect(job.timeZoneName == "Europe/Berlin" && job.timeZone == TimeZone(identifier: "Europe/Berlin"))
        #expect(job.timeout == 1800.5)
        #expect(job.retries == RetryPolicy(maxAttempts: 3, backoff: 60, maxBackoff: 600, jitter: .equal))
        #expect(job.concurrency == .replace)
        #expect(job.catchUp == CatchUpPolicy(policy: .all, window: 3600))
        #expect(job.tags == ["finance", "daily"])
        #expect(job.owner == "ana@example.com")
        #expect(job.active == false)
        #expect(job.workingDirectory == "/srv/reports")
        #expect(job.requires == ["gpu"])
    }

    @Test func defaults() throws {
        let job = try JobDefinition.decode(["name": "a", "notebook": "a.ipynb", "owner": nil])
        #expect(job == JobDefinition(name: "a", notebook: "a.ipynb"))
        #expect(job.timeZoneName == "UTC" && job.timeZone.secondsFromGMT() == 0)
        #expect(job.retries == RetryPolicy(maxAttempts: 1, backoff: 30, maxBackoff: 3600, jitter: .full))
        #expect(job.concurrency == .forbid)
        #expect(job.catchUp == CatchUpPolicy(policy: .latest, window: 86_400))
        #expect(job.active && job.schedule == nil && job.requires.isEmpty && job.parameters.isEmpty)
    }

    @Test func shorthands() throws {
        let job = try JobDefinition.decode(["name": "a", "notebook": "a.ipynb", "retries": 4, "catchup": "skip"])
        #expect(job.retries.maxAttempts == 4)
        #expect(job.retries.backoff == 30)
        #expect(job.catchUp == CatchUpPolicy(policy: .skip, window: 86_400))
        // A backoff above the default cap raises the cap rather than being cut.
        let slow = try JobDefinition.decode(["name": "a", "notebook": "a.ipynb", "retries": ["backoff": 7200]])
        #expect(slow.retries.maxBackoff == 7200)
    }

    @Test(arguments: [Self.full, ["name": "a", "notebook": "a.ipynb"], ["name": "b", "notebook": "b", "schedule": "@hourly", "timeout": 5, "retries": 2, "timezone": "US/Eastern"]])
    func roundTrips(_ value: JSONValue) throws {
        let job = try JobDefinition.decode(value)
        let again = try JobDefinition.decode(job.jsonValue)
        #expect(again == job)
        #expect(again.jsonValue == job.jsonValue)
        // Through text too, as the REST API sends it.
        let text = String(decoding: job.jsonValue.serialized(), as: UTF8.self)
        #expect(try JobDefinition.decode(JSONValue.parse(text)) == job)
    }

    @Test func jsonSpellsOutDefaults() throws {
        let value = try JobDefinition.decode(["name": "a", "notebook": "a.ipynb"]).jsonValue
        #expect(value["timezone"] == "UTC")
        #expect(value["retries"] == ["max_attempts": 1, "backoff": 30, "max_backoff": 3600, "jitter": "full"])
        #expect(value["catchup"] == ["policy": "latest", "window": 86400])
        #expect(value["concurrency"] == "forbid")
        #expect(value["schedule"] == nil && value["owner"] == nil)
    }

    /// One bad field at a time; the message names its path under `jobs[2]`.
    static let errors: [(JSONObject, String)] = [
        (["notebook": "a"], #"jobs[2]: missing required key "name""#),
        (["name": "a"], #"jobs[2]: missing required key "notebook""#),
        (["name": "a", "notebook": "a", "schedul": "@daily"], #"jobs[2]: unknown key "schedul" (did you mean "schedule"?)"#),
        (["name": "a", "notebook": "a", "secretEnv": [:]], #"jobs[2]: unknown key "secretEnv" (did you mean "secret_env"?)"#),
        (["name": "a", "notebook": "a", "colour": "red"], #"jobs[2]: unknown key "colour""#),
        (["name": "-a", "notebook": "a"], #"jobs[2].name: expected a name of letters, digits, '_', '.' and '-' (at most 100, starting with a letter or digit), found "-a""#),
        (["name": .string(String(repeating: "x", count: 101)), "notebook": "a"], "jobs[2].name: expected a name of letters, digits, '_', '.' and '-' (at most 100, starting with a letter or digit), found \"\(String(repeating: "x", count: 57))...\""),
        (["name": "a b", "notebook": "a"], #"jobs[2].name: expected a name of letters, digits, '_', '.' and '-' (at most 100, starting with a letter or digit), found "a b""#),
        (["name": 5, "notebook": "a"], #"jobs[2].name: expected a string, found 5"#),
        (["name": "a", "notebook": ["path": "x"]], #"jobs[2].notebook: expected a string, found an object"#),
        (["name": "a", "notebook": "out/{date.ipynb"], #"jobs[2].notebook: expected a path or URL with well-formed {parameter} templates (unclosed "{"), found "out/{date.ipynb""#),
        (["name": "a", "notebook": "out/{1x}.ipynb"], #"jobs[2].notebook: expected a path or URL with well-formed {parameter} templates ("{1x}" is not a parameter name), found "out/{1x}.ipynb""#),
        (["name": "a", "notebook": "out}.ipynb"], #"jobs[2].notebook: expected a path or URL with well-formed {parameter} templates ("}" without "{"), found "out}.ipynb""#),
        (["name": "a", "notebook": "{a{b}}"], #"jobs[2].notebook: expected a path or URL with well-formed {parameter} templates ("{" inside a template), found "{a{b}}""#),
        (["name": "a", "notebook": "a", "parameters": [1, 2]], #"jobs[2].parameters: expected an object of NAME: value, found a list"#),
        (["name": "a", "notebook": "a", "secrets": ["key": 5]], #"jobs[2].secrets.key: expected a string, found 5"#),
        (["name": "a", "notebook": "a", "secrets": ["key": "NOT-A-VAR"]], #"jobs[2].secrets.key: expected the name of an environment variable of the server, found "NOT-A-VAR""#),
        (["name": "a", "notebook": "a", "secrets": ["my key": "K"]], #"jobs[2].secrets: expected keys that are parameter names, found "my key""#),
        (["name": "a", "notebook": "a", "parameters": ["key": 1], "secrets": ["key": "K"]], #"jobs[2].secrets.key: expected a parameter not also given in parameters (a secret's value comes only from the environment), found "key""#),
        (["name": "a", "notebook": "a", "secret_env": ["TOKEN": "bad var"]], #"jobs[2].secret_env.TOKEN: expected the name of an environment variable of the server, found "bad var""#),
        (["name": "a", "notebook": "a", "env": "A=1"], #"jobs[2].env: expected an object of NAME: text, found "A=1""#),
        (["name": "a", "notebook": "a", "env": ["DEBUG": 1]], #"jobs[2].env.DEBUG: expected a string, found 1"#),
        (["name": "a", "notebook": "a", "env": ["1X": "1"]], #"jobs[2].env: expected keys that are environment variable names, found "1X""#),
        (["name": "a", "notebook": "a", "kernel": true], #"jobs[2].kernel: expected a string, found true"#),
        (["name": "a", "notebook": "a", "schedule": "61 * * * *"], #"jobs[2].schedule: cron "61 * * * *": minute field: 61 is out of range 0-59"#),
        (["name": "a", "notebook": "a", "schedule": 5], #"jobs[2].schedule: expected a cron expression, found 5"#),
        (["name": "a", "notebook": "a", "timezone": "Mars/Olympus"], #"jobs[2].timezone: unknown time zone "Mars/Olympus""#),
        (["name": "a", "notebook": "a", "timezone": "GMT+2"], #"jobs[2].timezone: unknown time zone "GMT+2""#),
        (["name": "a", "notebook": "a", "timezone": "europe/berlin"], #"jobs[2].timezone: unknown time zone "europe/berlin" (did you mean "Europe/Berlin"?)"#),
        (["name": "a", "notebook": "a", "timezone": "America/New_Yrok"], #"jobs[2].timezone: unknown time zone "America/New_Yrok" (did you mean "America/New_York"?)"#),
        (["name": "a", "notebook": "a", "timeout": 0], #"jobs[2].timeout: expected a number of seconds > 0, found 0"#),
        (["name": "a", "notebook": "a", "timeout": "1h"], #"jobs[2].timeout: expected a number of seconds > 0, found "1h""#),
        (["name": "a", "notebook": "a", "retries": ["max_attempts": "three"]], #"jobs[2].retries.max_attempts: expected an integer ≥ 1, found "three""#),
        (["name": "a", "notebook": "a", "retries": ["max_attempts": 0]], #"jobs[2].retries.max_attempts: expected an integer ≥ 1, found 0"#),
        (["name": "a", "notebook": "a", "retries": 0], #"jobs[2].retries: expected an integer ≥ 1 or an object, found 0"#),
        (["name": "a", "notebook": "a", "retries": "twice"], #"jobs[2].retries: expected an integer (max_attempts) or an object, found "twice""#),
        (["name": "a", "notebook": "a", "retries": ["backoff": -1]], #"jobs[2].retries.backoff: expected a number of seconds ≥ 0, found -1"#),
        (["name": "a", "notebook": "a", "retries": ["backoff": 60, "max_backoff": 10]], #"jobs[2].retries.max_backoff: expected a number of seconds ≥ backoff (60), found 10"#),
        (["name": "a", "notebook": "a", "retries": ["jitter": "some"]], #"jobs[2].retries.jitter: expected full or equal, found "some""#),
        (["name": "a", "notebook": "a", "retries": ["attempts": 2]], #"jobs[2].retries: unknown key "attempts" (did you mean "max_attempts"?)"#),
        (["name": "a", "notebook": "a", "concurrency": "parallel"], #"jobs[2].concurrency: expected allow, forbid or replace, found "parallel""#),
        (["name": "a", "notebook": "a", "catchup": "none"], #"jobs[2].catchup: expected skip, latest or all, found "none""#),
        (["name": "a", "notebook": "a", "catchup": true], #"jobs[2].catchup: expected skip, latest or all, or an object {policy, window}, found true"#),
        (["name": "a", "notebook": "a", "catchup": ["policy": "every"]], #"jobs[2].catchup.policy: expected skip, latest or all, found "every""#),
        (["name": "a", "notebook": "a", "catchup": ["window": 0]], #"jobs[2].catchup.window: expected a number of seconds > 0, found 0"#),
        (["name": "a", "notebook": "a", "tags": "x"], #"jobs[2].tags: expected a list of strings, found "x""#),
        (["name": "a", "notebook": "a", "tags": ["x", 2]], #"jobs[2].tags[1]: expected a string, found 2"#),
        (["name": "a", "notebook": "a", "owner": 1.5], #"jobs[2].owner: expected a string, found 1.5"#),
        (["name": "a", "notebook": "a", "active": "yes"], #"jobs[2].active: expected true or false, found "yes""#),
        (["name": "a", "notebook": "a", "cwd": []], #"jobs[2].cwd: expected a string, found a list"#),
        (["name": "a", "notebook": "a", "requires": [["gpu": true]]], #"jobs[2].requires[0]: expected a string, found an object"#),
    ]

    @Test(arguments: errors)
    func rejects(object: JSONObject, message: String) {
        let error = #expect(throws: SchedulingError.self) { try JobDefinition.decode(.object(object), at: "jobs[2]") }
        #expect(error?.description == message)
    }

    @Test func rejectsANonObjectAtTheTop() {
        let error = #expect(throws: SchedulingError.self) { try JobDefinition.decode(["a", "b"]) }
        #expect(error?.description == "(top level): expected an object, found a list")
    }
}
