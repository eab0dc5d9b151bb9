// swift-tools-version:6.1
import PackageDescription

// Release builds of Quire's own modules put every function in its own section, so the linker can drop
// unused ones (--gc-sections) and place the ones `quire run` executes together (link/README.md).
let functionSections: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release))]

// How the release `quire` is linked on Linux (link/README.md; bench/RESULTS.md "## run"): lld with packed
// relative relocations (DT_RELR) instead of a 3.6 MB .rela.dyn read at every start, no exported dynamic
// symbol table (the toolchain's static-stdlib flags export 1.3 MB of symbols that the runtime's
// start-up dladdr then scans), and the functions a run executes placed first in .text.
let quireReleaseLink: [LinkerSetting] = [
    .unsafeFlags([
        "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/link/quire.order", "-Xlinker", "--no-warn-symbol-ordering",
    ], .when(platforms: [.linux], configuration: .release)),
]

// Module map and import direction: ../shared/DESIGN.md ("Modules").
let package = Package(
    name: "Quire",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quire", targets: ["quire"]),
        .library(name: "NotebookFormat", targets: ["NotebookFormat"]),
        .library(name: "JupyterKernel", targets: ["JupyterKernel"]),
        .library(name: "NotebookExecution", targets: ["NotebookExecution"]),
        .library(name: "NotebookStorage", targets: ["NotebookStorage"]),
        .library(name: "Scheduling", targets: ["Scheduling"]),
        .library(name: "NotebookRendering", targets: ["NotebookRendering"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "NotebookFormat", swiftSettings: functionSections),
        .systemLibrary(
            name: "CZMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .target(
            name: "JupyterKernel",
            dependencies: [
                "CZMQ",
                "NotebookFormat",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: functionSections
        ),
        .target(
            name: "NotebookExecution",
            dependencies: [
                "NotebookFormat",
                "JupyterKernel",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: functionSections
        ),
        .target(
            name: "NotebookStorage",
            dependencies: [
                "NotebookFormat",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: functionSections
        ),
        // Debian ships no pkg-config file for the extensions library, so the module map links both.
        .systemLibrary(name: "CMarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "NotebookRendering", dependencies: ["NotebookFormat", "CMarkGFM"], swiftSettings: functionSections),
        .target(
            name: "Scheduling",
            dependencies: [
                "NotebookFormat",
                "NotebookExecution",
                "NotebookStorage",
                "JupyterKernel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: functionSections
        ),
        .target(
            name: "QuireServer",
            dependencies: [
                "NotebookFormat",
                "JupyterKernel",
                "NotebookExecution",
                "NotebookStorage",
                "Scheduling",
                "NotebookRendering",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: functionSections
        ),
        .executableTarget(
            name: "quire",
            dependencies: [
                "NotebookFormat",
                "NotebookStorage",
                "JupyterKernel",
                "NotebookExecution",
                "Scheduling",
                "QuireServer",
                "NotebookRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: functionSections,
            linkerSettings: quireReleaseLink
        ),
        // Timing driver for bench/kernel/run.sh (not shipped; see bench/RESULTS.md).
        .executableTarget(
            name: "quire-kernel-bench",
            dependencies: ["JupyterKernel", "NotebookFormat"],
            path: "bench/kernel/QuireKernelBench"
        ),
        // Paths every test suite needs (checkout, shared folder, venv, built quire).
        .target(name: "QuireTestSupport", path: "Tests/QuireTestSupport"),
        .testTarget(name: "NotebookFormatTests", dependencies: ["NotebookFormat", "QuireTestSupport"]),
        .testTarget(name: "JupyterKernelTests", dependencies: ["JupyterKernel", "NotebookFormat", "QuireTestSupport"]),
        .testTarget(
            name: "NotebookExecutionTests",
            dependencies: ["NotebookExecution", "NotebookFormat", "JupyterKernel", "QuireTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "NotebookStorageTests",
            dependencies: ["NotebookStorage", "NotebookFormat", "QuireTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "NotebookFormat", "NotebookExecution", "QuireTestSupport"]),
        .testTarget(
            name: "SchedulingStoreTests",
            dependencies: ["Scheduling", "NotebookFormat", "QuireTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(
            name: "NotebookRenderingTests",
            dependencies: ["NotebookRendering", "NotebookFormat", "QuireTestSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(name: "QuireCLITests", dependencies: ["NotebookFormat", "QuireTestSupport"]),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduling", "NotebookFormat"]),
        .testTarget(
            name: "QuireServerTests",
            dependencies: ["NotebookFormat", "QuireTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio")],
            exclude: ["Notebooks"]
        ),
        .testTarget(name: "QuireRunTests", dependencies: ["NotebookFormat", "QuireTestSupport"], exclude: ["Notebooks"]),
        .testTarget(
            name: "QuireWebTests",
            dependencies: ["NotebookFormat", "QuireTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio")],
            exclude: ["Notebooks"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
