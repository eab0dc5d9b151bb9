import Foundation
import Hummingbird

/// `/assets/…`: Quire's stylesheet and script, and the Debian-packaged libraries when installed.
struct AssetRoutes: Sendable {
    let assets: WebAssets

    func register(on router: Router<QuireContext>) {
        router.get("assets/quire.css") { _, _ in Self.text(WebStylesheet.css, type: "text/css; charset=utf-8") }
        router.get("assets/quire.js") { _, _ in Self.text(WebScript.source, type: "text/javascript; charset=utf-8") }
        router.get("assets/:library/**") { request, context in
            let library = try context.parameters.require("library")
            let path = context.parameters.getCatchAll().joined(separator: "/")
            guard let file = assets.file(library: library, path: path), let data = FileManager.default.contents(atPath: file) else {
                throw Problem.notFound("no asset /assets/\(library)/\(path)")
            }
            return Response(status: .ok, headers: [.contentType: WebAssets.contentType(file), .cacheControl: "public, max-age=86400"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    static func text(_ s: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=300"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: s)))
    }
}
