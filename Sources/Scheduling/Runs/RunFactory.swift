import Foundation
import NotebookExecution
import NotebookFormat

/// Turns a job definition (plus optional parameter overrides) into a run to queue — the one place
/// where scheduled firings, "trigger now" and reruns of a job get their parameters, notebook path,
/// secrets and limits, so the three can never disagree.
public enum RunFactory {
    /// The value shown for a secret parameter anywhere outside the kernel.
    public static let secretPlaceholder = "<secret>"

    public static func newRun(for job: JobDefinition, overrides: JSONObject = JSONObject(), scheduledFor: Date?,
                              owner: String?, now: Date = Date()) throws(SchedulingError) -> NewRun {
        var parameters = job.parameters
        for (name, value) in overrides {
            if job.secrets[name] != nil {
                throw .fieldRejected(path: "parameters.\(name)", reason: "'\(name)' is a secret parameter of job '\(job.name)' and cannot be overridden")
            }
            parameters[name] = value
        }
        for name in job.secrets.keys.sorted() { parameters[name] = .string(secretPlaceholder) }
        let notebook: String
        do {
            notebook = try PathTemplate(parameters: parameters, secretNames: Set(job.secrets.keys),
                                        runUUID: UUID().uuidString.lowercased(), now: scheduledFor ?? now).render(job.notebook)
        } catch {
            throw .fieldRejected(path: "notebook", reason: error.description)
        }
        let spec = RunSpec(env: job.environment, secrets: job.secrets, secretEnv: job.secretEnvironment, cwd: job.workingDirectory)
        return NewRun(job: job.name, notebook: notebook, parameters: .object(parameters), secretNames: job.secrets.keys.sorted(),
                      kernel: job.kernel, timeout: job.timeout, maxAttempts: job.retries.maxAttempts,
                      retryBackoff: job.retries.backoff, maxBackoff: job.retries.maxBackoff, tags: job.tags,
                      owner: owner ?? job.owner, labels: job.requires, scheduledFor: scheduledFor, idempotencyKey: nil,
                      rerunOf: nil, spec: spec.jsonValue)
    }
}
