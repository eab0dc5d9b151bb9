import Foundation
import NotebookFormat

extension JobDefinition {
    /// The definition as JSON with every field spelled out (defaults included, absent optionals
    /// left out); `decode` gives back an equal definition.
    public var jsonValue: JSONValue {
        var o = JSONObject()
        o["name"] = .string(name)
        o["notebook"] = .string(notebook)
        o["parameters"] = .object(parameters)
        o["secrets"] = Self.object(secrets)
        o["secret_env"] = Self.object(secretEnvironment)
        o["env"] = Self.object(environment)
        o["kernel"] = kernel.map(JSONValue.string)
        o["schedule"] = schedule.map { .string($0.description) }
        o["timezone"] = .string(timeZoneName)
        o["timeout"] = timeout.map(Self.number)
        o["retries"] = [
            "max_attempts": .int(retries.maxAttempts), "backoff": Self.number(retries.backoff),
            "max_backoff": Self.number(retries.maxBackoff), "jitter": .string(retries.jitter.rawValue),
        ]
        o["concurrency"] = .string(concurrency.rawValue)
        o["catchup"] = ["policy": .string(catchUp.policy.rawValue), "window": Self.number(catchUp.window)]
        o["tags"] = .array(tags.map(JSONValue.string))
        o["owner"] = owner.map(JSONValue.string)
        o["active"] = .bool(active)
        o["cwd"] = workingDirectory.map(JSONValue.string)
        o["requires"] = .array(requires.map(JSONValue.string))
        return .object(o)
    }

    /// Keys sorted so the output does not depend on dictionary order.
    private static func object(_ map: [String: String]) -> JSONValue {
        .object(JSONObject(map.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
    }

    /// Whole seconds as integers, as a person would write them.
    private static func number(_ d: Double) -> JSONValue {
        if d == d.rounded(), let i = Int(exactly: d) { return .int(i) }
        return .double(d)
    }
}
