import Foundation
import Hummingbird
import NotebookFormat
import Scheduling

/// Finding a run the user may see, and its output notebook, for the UI's run routes.
struct RunLookup: Sendable {
    let state: ServerState

    func run(_ context: QuireContext) async throws -> RunRecord {
        let raw = try context.parameters.require("id")
        guard let id = RunID(raw), let run = try await state.store.run(id), (context.user ?? .local).mayAccess(owner: run.owner) else {
            throw Problem.notFound("no run '\(raw)'")
        }
        return run
    }

    /// The output notebook as it is now (partial while running); nil when none was written yet.
    func output(_ run: RunRecord) async throws -> Notebook? {
        guard let url = run.output else { return nil }
        let bytes: [UInt8]
        do { bytes = try await state.check.resolver.location(url).read() } catch {
            if error.isInfrastructure { throw Problem.unavailable("output store unreachable: \(error)") }
            return nil
        }
        do { return try Notebook.load(bytes, file: url, strict: false).notebook } catch {
            throw Problem(status: .internalServerError, title: "Unreadable output", detail: "the output notebook of run \(run.id) is not valid: \(error)")
        }
    }

    func rawOutput(_ run: RunRecord) async throws -> [UInt8] {
        guard let url = run.output else { throw Problem.notFound("run \(run.id) has no output notebook yet (status \(run.status.rawValue))") }
        do { return try await state.check.resolver.location(url).read() } catch {
            if error.isInfrastructure { throw Problem.unavailable("output store unreachable: \(error)") }
            throw Problem.notFound("the output notebook of run \(run.id) is not readable: \(error)")
        }
    }

    /// Output `index` of cell `cell` from the route's parameters.
    func cellOutput(_ run: RunRecord, context: QuireContext) async throws -> Output {
        let cellRaw = try context.parameters.require("cell"), indexRaw = try context.parameters.require("index")
        guard let nb = try await output(run) else { throw Problem.notFound("run \(run.id) has no output notebook yet") }
        guard let cell = Int(cellRaw), nb.cells.indices.contains(cell), let index = Int(indexRaw),
              nb.cells[cell].outputs.indices.contains(index) else {
            throw Problem.notFound("run \(run.id) has no output \(indexRaw) in cell \(cellRaw)")
        }
        return nb.cells[cell].outputs[index]
    }
}
