import JupyterKernel
import NotebookExecution
import NotebookFormat
import NotebookStorage
import Scheduling

/// What the API verifies before it queues a run, so that mistakes come back as a 400 at once
/// instead of a failed run later: the notebook exists and is valid, its kernel is installed, and
/// each parameter fits the type the notebook declares.
struct NotebookCheck: Sendable {
    let resolver: StoreResolver
    let kernels: KernelSpecFinder

    func load(_ url: String, field: String = "notebook") async throws -> Notebook {
        let location: StoreLocation
        do { location = try resolver.location(url) } catch {
            throw Problem.badRequest("\(field): \(error)", field: field)
        }
        do {
            return try await location.loadNotebook().notebook
        } catch {
            if error.isInfrastructure { throw Problem.unavailable("\(field): storage unreachable: \(error)") }
            throw Problem.badRequest("\(field): \(error)", field: field)
        }
    }

    func kernel(of nb: Notebook, override: String?, field: String) throws -> KernelSpec {
        let name: String
        do { name = try KernelIdentity.kernelName(of: nb, override: override) } catch {
            throw Problem.badRequest("\(field): \(error.description)", field: field)
        }
        do { return try kernels.find(name) } catch {
            let available = kernels.findAll().map(\.name).sorted().joined(separator: ", ")
            throw Problem.badRequest("\(field): no kernel named '\(name)' is installed; available: \(available)", field: field)
        }
    }

    func inspect(_ nb: Notebook, kernel: String?) throws -> ParameterInspection? {
        do { return try ParameterInspector.inspect(nb, kernelName: kernel) } catch {
            throw Problem.badRequest("notebook: \(error.description)", field: "notebook")
        }
    }

    /// Parameters the notebook does not declare are accepted (papermill injects them with a
    /// warning); declared ones must fit their type.
    func checkParameters(_ parameters: JSONObject, of nb: Notebook, kernel: String?, field: String = "parameters") throws {
        guard let declared = try inspect(nb, kernel: kernel)?.parameters else { return }
        for p in declared {
            guard let value = parameters[p.name], let type = p.typeName else { continue }
            if let expected = ParameterTypeCheck.mismatch(value, typeName: type) {
                throw Problem.badRequest("\(field).\(p.name): the notebook declares \(p.name): \(type), so expected \(expected), found \(value.typeName)",
                                         field: "\(field).\(p.name)")
            }
        }
    }
}

extension NotebookCheck {
    /// A job is checked like a submission as far as its definition allows without running it:
    /// the notebook exists (unless its path is a template filled per run), its kernel is
    /// installed, and its default parameters fit the notebook's declared types.
    func validate(_ job: JobDefinition) async throws {
        if let kernel = job.kernel, (try? kernels.find(kernel)) == nil {
            let available = kernels.findAll().map(\.name).sorted().joined(separator: ", ")
            throw Problem.badRequest("kernel: no kernel named '\(kernel)' is installed; available: \(available)", field: "kernel")
        }
        guard !job.notebook.contains("{") else { return }
        let nb = try await load(job.notebook)
        _ = try kernel(of: nb, override: job.kernel, field: job.kernel == nil ? "notebook" : "kernel")
        try checkParameters(job.parameters, of: nb, kernel: job.kernel)
    }
}
