import QuireTestSupport
import Foundation
import Testing
@testable import NotebookStorage

/// Read-only HTTP(S) locations, against a Python http.server the test starts on a free port.
@Suite struct HTTPStoreTests {
    @Test func readsNotebooksAndReportsErrorsClearly() async throws {
        let dir = try TempFolder()
        let notebook = SampleNotebooks.unicode()
        try Data(notebook).write(to: URL(fileURLWithPath: dir.path + "/nb one.ipynb"))
        try Data("<html><body>Sign in</body></html>".utf8).write(to: URL(fileURLWithPath: dir.path + "/page.html"))
        try Data(#"{"cells": 3, "nbformat": 4, "nbformat_minor": 5, "metadata": {}}"#.utf8)
            .write(to: URL(fileURLWithPath: dir.path + "/bad.ipynb"))
        let server = try ChildServer(script: "http_for_tests.py", arguments: [dir.path])
        defer { server.stop() }
        let resolver = StoreResolver(environment: [:])

        let good = try resolver.location(server.url + "/nb%20one.ipynb")
        #expect(try await good.read() == notebook)
        #expect(try await good.loadNotebook().notebook.cells.count == 2)
        let info = try await good.stat()
        #expect(info.size == notebook.count && info.modified != nil)

        let missing = try resolver.location(server.url + "/missing.ipynb")
        await #expect {
            try await missing.loadNotebook()
        } throws: { error in
            guard case StorageError.httpStatus(let url, 404) = error else { return false }
            return url == server.url + "/missing.ipynb" && "\(error)" == "\(url): HTTP 404" && (error as! StorageError).isNotFound
        }

        await #expect {
            try await resolver.location(server.url + "/page.html").loadNotebook()
        } throws: { error in
            guard case StorageError.notANotebook(let url, _) = error else { return false }
            return url == server.url + "/page.html" && "\(error)".hasPrefix("\(url): not a notebook: invalid JSON")
        }
        await #expect {
            try await resolver.location(server.url + "/bad.ipynb").loadNotebook()
        } throws: { error in
            guard case StorageError.notANotebook = error else { return false }
            return "\(error)".contains("bad.ipynb: cells: expected an array")
        }

        await #expect {
            try await good.write(notebook)
        } throws: { error in
            if case StorageError.unsupported = error { return true }
            return false
        }
    }

    @Test func connectionRefusedIsUnreachable() async throws {
        try await withQuickFailingClient { client in
            let location = try StoreResolver(environment: [:], httpClient: client).location("http://127.0.0.1:9/x.ipynb")
            await #expect {
                try await location.read()
            } throws: { error in
                guard case StorageError.unreachable(let url, _, _) = error else { return false }
                return url == "http://127.0.0.1:9/x.ipynb"
            }
        }
    }
}
