import Foundation
import Hummingbird
import NotebookExecution
import NotebookFormat
import Scheduling

/// Health, metrics, kernelspecs, notebook inspection and the API description.
struct SystemRoutes: Sendable {
    let state: ServerState

    func register(on router: Router<QuireContext>, api: RouterGroup<QuireContext>) {
        router.get("healthz", use: health)
        router.get("metrics", use: metrics)
        api.get("kernelspecs", use: kernelspecs)
        api.post("inspect", use: inspect)
        api.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml"], body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
    }

    @Sendable func health(_ request: Request, context: QuireContext) async throws -> Response {
        do { _ = try await state.store.queueDepth(now: Date()) } catch {
            return JSONResponse.make(["status": "unavailable", "database": .string("\(error)")], status: .serviceUnavailable)
        }
        return JSONResponse.make(["status": "ok", "version": .string(QuireVersion.current)])
    }

    @Sendable func metrics(_ request: Request, context: QuireContext) async throws -> Response {
        let counts = try await state.store.countRuns(byStatus: ())
        var lines = ["# HELP quire_runs Runs in the database by status.", "# TYPE quire_runs gauge"]
        for s in RunStatus.allCases { lines.append("quire_runs{status=\"\(s.rawValue)\"} \(counts[s] ?? 0)") }
        lines += ["# HELP quire_queue_depth Queued runs ready to start.", "# TYPE quire_queue_depth gauge",
                  "quire_queue_depth \(try await state.store.queueDepth(now: Date()))"]
        lines.append(state.metrics.histogram(name: "quire_run_duration_seconds"))
        lines += ["# HELP quire_pool_ready_kernels Started kernels waiting in the warm pool.", "# TYPE quire_pool_ready_kernels gauge"]
        for (spec, n) in (await state.pool?.readyCounts ?? [:]).sorted(by: { $0.key < $1.key }) {
            lines.append("quire_pool_ready_kernels{kernel=\"\(spec)\"} \(n)")
        }
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: lines.joined(separator: "\n") + "\n")))
    }

    @Sendable func kernelspecs(_ request: Request, context: QuireContext) async throws -> Response {
        let specs = state.check.kernels.findAll().map { s -> JSONValue in
            ["name": .string(s.name), "display_name": .string(s.displayName), "language": .string(s.language),
             "resource_dir": .string(s.resourceDirectory)]
        }
        return JSONResponse.make(["kernelspecs": .array(specs)])
    }

    /// `{"notebook": URL}` or `{"content": <notebook JSON>}` → the declared parameters.
    @Sendable func inspect(_ request: Request, context: QuireContext) async throws -> Response {
        let body = try await request.jsonObject(limit: 32 << 20)
        try BodyFields.rejectUnknown(body, allowed: ["notebook", "content", "kernel"])
        let kernel = try BodyFields.string(body, "kernel")
        let nb: Notebook
        if let content = body["content"], !content.isNull {
            guard body["notebook"] == nil || body["notebook"]!.isNull else {
                throw Problem.badRequest("send either 'notebook' or 'content', not both", field: "content")
            }
            do { nb = try Notebook.load(content.serialized(), file: "content").notebook } catch {
                throw Problem.badRequest("content: \(error)", field: "content")
            }
        } else {
            nb = try await state.check.load(try BodyFields.requiredString(body, "notebook"))
        }
        let inspection = try state.check.inspect(nb, kernel: kernel)
        let parameters = (inspection?.parameters ?? []).map { p -> JSONValue in
            ["name": .string(p.name), "type": p.typeName.map(JSONValue.string) ?? .null,
             "inferred_type_name": .string(p.inferredTypeName), "default": .string(p.defaultValue), "help": .string(p.help)]
        }
        return JSONResponse.make([
            "has_parameters_cell": .bool(inspection != nil),
            "parameters": .array(parameters),
            "warnings": .array((inspection?.warnings ?? []).map(JSONValue.string)),
        ])
    }
}
