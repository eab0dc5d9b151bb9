// Timing driver for bench/kernel/run.sh. Prints one JSON array of milliseconds per mode, so the
// script can compare it with bench/kernel/peer.py (jupyter_client) measured the same way.
//   quire-kernel-bench startup <n> [--tcp]    launch -> first kernel_info_reply with live iopub, then shutdown
//   quire-kernel-bench roundtrip <n> [--tcp]  n execute_request("pass") round trips (reply AND idle)
//   quire-kernel-bench breakdown <n> [--tcp]  like roundtrip, split by the kernel's own header dates into
//                                              [request -> busy, busy -> idle, idle -> client, total] in ms
//   quire-kernel-bench hold [--fork-server]   start a kernel, print its pid and runtime dir, wait to be signalled
//                                              (--fork-server: forked from a fork server, as the pool does)
import Foundation
import JupyterKernel

let args = CommandLine.arguments.dropFirst()
let mode = args.first ?? "startup"
let count = args.dropFirst().first.flatMap(Int.init) ?? 10
var options = LaunchOptions()
if args.contains("--tcp") { options.transport = .tcp }
if args.contains("--fork-server") { options.forkServers = ForkServers() }
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
var env = ProcessInfo.processInfo.environment
env["VIRTUAL_ENV"] = env["VIRTUAL_ENV"] ?? root + "/.venv"
let spec = try KernelSpecFinder(environment: env, workingDirectory: root).find("python3")

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

/// Seconds since 1970 of a header date such as 2026-11-30T06:19:09.123456Z (microseconds kept).
func headerSeconds(_ text: String) -> Double {
    let parts = text.split(separator: ".")
    guard parts.count == 2, let whole = ISO8601DateFormatter().date(from: parts[0] + "Z") else { return .nan }
    let fraction = parts[1].prefix { $0.isNumber }
    return whole.timeIntervalSince1970 + (Double("0." + fraction) ?? 0)
}

switch mode {
case "startup":
    var times: [Double] = []
    for _ in 0..<count {
        let t0 = ContinuousClock.now
        let k = try await KernelClient.start(spec, options: options)
        times.append(milliseconds(.now - t0))
        await k.shutdown()
    }
    print(times)
case "roundtrip":
    let k = try await KernelClient.start(spec, options: options)
    for _ in 0..<20 { _ = try await k.run("pass") }
    var times: [Double] = []
    times.reserveCapacity(count)
    for _ in 0..<count {
        let t0 = ContinuousClock.now
        _ = try await k.run("pass")
        times.append(milliseconds(.now - t0))
    }
    await k.shutdown()
    print(times)
case "breakdown":
    let k = try await KernelClient.start(spec, options: options)
    for _ in 0..<20 { _ = try await k.run("pass") }
    var rows: [[Double]] = []
    for _ in 0..<count {
        let sent = Date().timeIntervalSince1970
        var busy = 0.0, idle = 0.0, idleSeen = 0.0
        for try await event in await k.execute("pass") {
            guard case .iopub(let m) = event, m.msgType == "status" else { continue }
            let date = headerSeconds(m.header["date"]?.stringValue ?? "")
            if m.content["execution_state"]?.stringValue == "busy" { busy = date }
            if m.content["execution_state"]?.stringValue == "idle" { idle = date; idleSeen = Date().timeIntervalSince1970 }
        }
        let done = Date().timeIntervalSince1970
        rows.append([busy - sent, idle - busy, idleSeen - idle, done - sent].map { $0 * 1000 })
    }
    await k.shutdown()
    print(rows)
case "hold":
    let k = try await KernelClient.start(spec, options: options)
    FileHandle.standardOutput.write(Data("\(await k.pid) \(await k.runtimeDirectory)\n".utf8))
    try await Task.sleep(for: .seconds(3600))
default:
    FileHandle.standardError.write(Data("unknown mode \(mode)\n".utf8))
    exit(2)
}
