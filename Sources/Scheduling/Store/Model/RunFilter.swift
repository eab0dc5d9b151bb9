import Foundation

/// Which runs a listing returns; every set field must match.
public struct RunFilter: Sendable {
    public var job: String?
    /// Any of these statuses; empty for all.
    public var status: [RunStatus]
    /// Runs carrying this tag.
    public var tag: String?
    public var owner: String?
    /// Runs created strictly after this time.
    public var createdAfter: Date?
    /// Runs created strictly before this time.
    public var createdBefore: Date?
    /// Runs whose top-level parameter `name` has this text form: the string itself for a string
    /// value, the compact JSON literal otherwise (`5`, `true`, `null`, `[1,2]`).
    public var parameter: (name: String, value: String)?

    public init(
        job: String? = nil, status: [RunStatus] = [], tag: String? = nil, owner: String? = nil,
        createdAfter: Date? = nil, createdBefore: Date? = nil, parameter: (name: String, value: String)? = nil
    ) {
        self.job = job
        self.status = status
        self.tag = tag
        self.owner = owner
        self.createdAfter = createdAfter
        self.createdBefore = createdBefore
        self.parameter = parameter
    }
}
