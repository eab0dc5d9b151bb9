// swift-tools-version:6.1
import PackageDescription

// Module map and import direction: ../shared/DESIGN.md ("Modules").
let package = Package(
    name: "Quire",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quire", targets: ["quire"]),
        .library(name: "NotebookFormat", targets: ["NotebookFormat"]),
        .library(name: "JupyterKernel", targets: ["JupyterKernel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "NotebookFormat"),
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
            ]
        ),
        .executableTarget(
            name: "quire",
            dependencies: [
                "NotebookFormat",
                "JupyterKernel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Timing driver for bench/kernel/run.sh (not shipped; see bench/RESULTS.md).
        .executableTarget(
            name: "quire-kernel-bench",
            dependencies: ["JupyterKernel", "NotebookFormat"],
            path: "bench/kernel/QuireKernelBench"
        ),
        .testTarget(name: "NotebookFormatTests", dependencies: ["NotebookFormat"]),
        .testTarget(name: "JupyterKernelTests", dependencies: ["JupyterKernel", "NotebookFormat"]),
        .testTarget(name: "QuireCLITests", dependencies: ["NotebookFormat"]),
    ],
    swiftLanguageModes: [.v6]
)
